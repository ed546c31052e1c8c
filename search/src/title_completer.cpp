#include "title_completer.h"

#include <algorithm>

#include "fields.h"
#include "i18n/text.h"

namespace kidwiki::search {

void TitleCompleter::rebuild(const Xapian::Database& db) {
  auto entries = std::make_shared<std::vector<Entry>>();
  entries->reserve(db.get_doccount());
  const Xapian::valueno slot = fields::kFullTitleSlot;
  for (auto it = db.valuestream_begin(slot); it != db.valuestream_end(slot); ++it) {
    const std::string title = *it;
    entries->push_back({i18n::fold_for_search(title), title});
  }
  std::sort(entries->begin(), entries->end());
  std::lock_guard lock(mutex_);
  entries_ = std::move(entries);
}

std::vector<std::string> TitleCompleter::complete(std::string_view prefix,
                                                  std::size_t limit) const {
  std::shared_ptr<const std::vector<Entry>> entries;
  {
    std::lock_guard lock(mutex_);
    entries = entries_;
  }
  const std::string folded = i18n::fold_for_search(prefix);
  auto it = std::lower_bound(entries->begin(), entries->end(), folded,
                             [](const Entry& e, const std::string& p) { return e.folded < p; });
  std::vector<std::string> titles;
  for (; it != entries->end() && titles.size() < limit; ++it) {
    if (it->folded.compare(0, folded.size(), folded) != 0) break;
    titles.push_back(it->title);
  }
  return titles;
}

}  // namespace kidwiki::search

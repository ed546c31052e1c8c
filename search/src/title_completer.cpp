#include "title_completer.h"

#include <mutex>

#include "fields.h"
#include "i18n/text.h"

namespace kidwiki::search {

void TitleCompleter::rebuild(const Xapian::Database& db) {
  std::unique_lock lock(mutex_);
  entries_.clear();
  by_page_.clear();
  const std::string prefix(fields::kPageId);
  for (auto it = db.allterms_begin(prefix); it != db.allterms_end(prefix); ++it) {
    const Xapian::Document doc = db.get_document(*db.postlist_begin(*it));
    put_locked(std::stoll((*it).substr(prefix.size())), doc.get_value(fields::kFullTitleSlot));
  }
}

void TitleCompleter::put(std::int64_t page_id, const std::string& full_title) {
  std::unique_lock lock(mutex_);
  put_locked(page_id, full_title);
}

void TitleCompleter::remove(std::int64_t page_id) {
  std::unique_lock lock(mutex_);
  remove_locked(page_id);
}

void TitleCompleter::put_locked(std::int64_t page_id, const std::string& full_title) {
  auto known = by_page_.find(page_id);
  if (known != by_page_.end() && known->second->title == full_title) return;
  remove_locked(page_id);
  auto [at, added] = entries_.insert({i18n::fold_for_search(full_title), full_title});
  if (added) by_page_[page_id] = at;
}

void TitleCompleter::remove_locked(std::int64_t page_id) {
  auto known = by_page_.find(page_id);
  if (known == by_page_.end()) return;
  entries_.erase(known->second);
  by_page_.erase(known);
}

std::vector<std::string> TitleCompleter::complete(std::string_view prefix,
                                                  std::size_t limit) const {
  const std::string folded = i18n::fold_for_search(prefix);
  std::shared_lock lock(mutex_);
  std::vector<std::string> titles;
  for (auto it = entries_.lower_bound(Entry{folded, {}});
       it != entries_.end() && titles.size() < limit; ++it) {
    if (it->folded.compare(0, folded.size(), folded) != 0) break;
    titles.push_back(it->title);
  }
  return titles;
}

}  // namespace kidwiki::search

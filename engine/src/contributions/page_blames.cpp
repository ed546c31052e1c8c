#include "contributions/page_blames.h"

#include <vector>

#include "engine/contributions.h"
#include "store/contribution_lists.h"

namespace kidwiki::engine {

std::shared_ptr<const PageBlame> PageBlames::of(db::Connection& c, std::int64_t page_id,
                                                std::int64_t visible_revision_id,
                                                std::string_view lang) {
  {
    std::lock_guard lock(mutex_);
    if (auto found = by_page_.find(page_id);
        found != by_page_.end() && found->second.revision_id == visible_revision_id) {
      return found->second.blame;
    }
  }
  // Worked out without the lock: two threads may do the same page at once, both right.
  bool more = false;
  const std::vector<PublishedVersion> stored =
      published_versions(c, page_id, visible_revision_id, kMaxAttributionVersions, more);
  std::vector<AttributedVersion> versions;
  versions.reserve(stored.size());
  for (const auto& v : stored) versions.push_back({v.author_id.value_or(kNoAuthor), v.plain_text});
  auto blame = std::make_shared<PageBlame>();
  blame->words = attribute_words(versions, lang, /*first_is_origin=*/!more);
  blame->complete = !more;

  std::lock_guard lock(mutex_);
  auto [it, added] = by_page_.insert_or_assign(page_id, Entry{visible_revision_id, blame});
  if (added) {
    remembered_.push_back(page_id);
    if (remembered_.size() > kMaxRememberedBlames) {
      by_page_.erase(remembered_.front());
      remembered_.pop_front();
    }
  }
  return blame;
}

}  // namespace kidwiki::engine

#include "html/wiki/html_revision_nav.h"

namespace kidwiki::web {

std::optional<std::int64_t> current_revision_id(engine::Wiki& wiki, const engine::Edition& edition,
                                                const engine::Title& title) {
  auto page = wiki.history(engine::Actor::reader(), edition, title, 1, std::nullopt);
  if (!page.ok() || page->items.empty()) return std::nullopt;
  return page->items.front().id;
}

std::optional<std::int64_t> newer_revision_id(engine::Wiki& wiki, const engine::Edition& edition,
                                              const engine::Title& title,
                                              std::int64_t revision_id) {
  // Revision ids grow with time, so only revisions above `revision_id` are worth reading; the
  // history is newest first and the answer is the item just before `revision_id`.
  std::optional<std::int64_t> before;
  std::optional<std::int64_t> newer;
  while (true) {
    auto page = wiki.history(engine::Actor::reader(), edition, title,
                             wiki.options().max_list_limit, before);
    if (!page.ok()) return std::nullopt;
    for (const auto& item : page->items) {
      if (item.id == revision_id) return newer;
      if (item.id < revision_id) return std::nullopt;
      newer = item.id;
    }
    if (!page->next_before) return std::nullopt;
    before = page->next_before;
  }
}

}  // namespace kidwiki::web

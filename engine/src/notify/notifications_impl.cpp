#include "notify/notifications_impl.h"

#include <algorithm>

#include "store/notification_store.h"
#include "policy/revision_visibility.h"
#include "store/page_store.h"
#include "store/review_store.h"
#include "store/revision_lists.h"
#include "store/storage_guard.h"

namespace kidwiki::engine {
namespace {

constexpr int kUnreadCounted = 99;

Error needs_account() { return make_error(ErrorCode::not_logged_in, "notifications-error-anonymous"); }

// Whether `actor` may still see what the notification tells of: its page not deleted, its
// revision one they may see (not hidden from them, not another's pending text).
bool still_visible(db::Connection& c, const Actor& actor, const NotificationRow& row) {
  auto page = page_by_id(c, row.page_id);
  if (!page || page->deleted) return false;
  if (!row.shown.revision_id) return true;
  auto edit = author_edit(c, *row.shown.revision_id);
  return edit && policy::may_see(c, actor, edit->info).ok();
}

// The page when it exists for the actor: published, or their own unpublished work.
std::optional<PageRow> page_for(db::Connection& c, const Actor& actor, const Edition& ed,
                                const Title& title) {
  auto page = find_page(c, ed.id, title);
  if (!page || page->deleted) return std::nullopt;
  if (page->visible_revision_id) return page;
  if (actor.id() && unpublished_head(c, ed.id, page->id, *actor.id())) return page;
  return std::nullopt;
}

}  // namespace

NotificationsImpl::NotificationsImpl(std::mutex& writer_mutex, db::Connection& writer,
                                     ReaderPool& readers)
    : writer_mutex_(writer_mutex), writer_(writer), readers_(readers) {}

Result<std::vector<Notification>> NotificationsImpl::list(const Actor& actor, int limit,
                                                          std::optional<std::int64_t> before) {
  if (!actor.id()) return needs_account();
  limit = std::clamp(limit, 1, kMaxNotificationsListed);
  return guard_storage([&]() -> Result<std::vector<Notification>> {
    auto reader = readers_.lease();
    std::vector<Notification> shown;
    for (auto& row : notifications_of(*reader, *actor.id(), limit, before)) {
      if (still_visible(*reader, actor, row)) shown.push_back(std::move(row.shown));
    }
    return shown;
  });
}

int NotificationsImpl::unread_count(const Actor& actor) {
  if (!actor.id()) return 0;
  auto counted = guard_storage([&]() -> Result<int> {
    // Not still_visible row by row: the notification was written for someone who could see it,
    // and what can change since (hiding, deletion) is in the query.
    auto reader = readers_.lease();
    return unread_count_of(*reader, *actor.id(), kUnreadCounted);
  });
  return counted ? counted.value() : 0;
}

Status NotificationsImpl::mark_read(const Actor& actor, const std::vector<std::int64_t>& ids) {
  if (!actor.id()) return needs_account();
  return guard_storage([&]() -> Status {
    std::lock_guard lock(writer_mutex_);
    db::Transaction tx(writer_);
    mark_notifications_read(writer_, *actor.id(), ids);
    tx.commit();
    return Ok{};
  });
}

Status NotificationsImpl::set_watched(const Actor& actor, const Edition& ed, const Title& title,
                                      bool watched) {
  if (!actor.id()) return needs_account();
  return guard_storage([&]() -> Status {
    std::lock_guard lock(writer_mutex_);
    auto page = page_for(writer_, actor, ed, title);
    if (!page) {
      return make_error(ErrorCode::not_found, "error-page-not-found",
                        {{"title", full_title(title, ed.names)}});
    }
    db::Transaction tx(writer_);
    set_watch(writer_, *actor.id(), page->id, watched);
    tx.commit();
    return Ok{};
  });
}

bool NotificationsImpl::is_watched(const Actor& actor, const Edition& ed, const Title& title) {
  if (!actor.id()) return false;
  auto found = guard_storage([&]() -> Result<bool> {
    auto reader = readers_.lease();
    auto page = find_page(*reader, ed.id, title);
    return page && watching(*reader, *actor.id(), page->id);
  });
  return found && found.value();
}

Result<std::vector<WatchedPage>> NotificationsImpl::watchlist(const Actor& actor,
                                                             const Edition* ed) {
  if (!actor.id()) return needs_account();
  return guard_storage([&]() -> Result<std::vector<WatchedPage>> {
    auto reader = readers_.lease();
    std::vector<WatchedPage> pages;
    for (auto& row : watched_pages(*reader, *actor.id(), ed ? ed->id : 0)) {
      pages.push_back({std::move(row.lang), std::move(row.title), std::move(row.added_at)});
    }
    return pages;
  });
}

}  // namespace kidwiki::engine

// The watchlist and notification tables (docs/schema.md, migration 8). Every function runs on
// the caller's connection; the writing ones inside the caller's transaction on the writer, so that
// a notification exists exactly when the change it tells of was committed.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "engine/notifications.h"
#include "store/database.h"

namespace kidwiki::engine {

void set_watch(db::Connection& c, std::int64_t user_id, std::int64_t page_id, bool watched);
bool watching(db::Connection& c, std::int64_t user_id, std::int64_t page_id);
// Those who watch the page, by id.
std::vector<std::int64_t> watchers_of(db::Connection& c, std::int64_t page_id);

struct WatchRow {
  std::string lang;
  Title title;
  std::string added_at;
};
// The user's watched pages not deleted, by edition and title; `edition_id` 0 for every edition.
std::vector<WatchRow> watched_pages(db::Connection& c, std::int64_t user_id,
                                    std::int64_t edition_id);

struct NewNotification {
  std::int64_t user_id = 0;
  NotificationKind kind = NotificationKind::page_edited;
  std::int64_t page_id = 0;
  std::optional<std::int64_t> revision_id;
  std::optional<std::int64_t> agent_id;
  std::string agent;
  std::string message;
};

// Adds `n`, or, when the user has an unread notification of the same kind about the same page
// and agent, and the kind tells of a stream of changes (page_edited, review_waiting,
// talk_reply), moves that one to `n`'s revision and time and counts one more.
void notify(db::Connection& c, const NewNotification& n);

struct NotificationRow {
  Notification shown;        // everything the reader gets
  std::int64_t page_id = 0;  // for the visibility checks
  std::int64_t edition_id = 0;
};
// The user's notifications, newest first, older than `before` when given.
std::vector<NotificationRow> notifications_of(db::Connection& c, std::int64_t user_id, int limit,
                                              std::optional<std::int64_t> before);
// How many of the user's notifications are unread and still about something to see (a page not
// deleted, a revision not hidden), counting at most `limit`. One query: the header shows it on
// every page a logged-in person opens.
int unread_count_of(db::Connection& c, std::int64_t user_id, int limit);

// Marks read: `ids` of the user's (all of them when empty).
void mark_notifications_read(db::Connection& c, std::int64_t user_id,
                             const std::vector<std::int64_t>& ids);
// Marks read every unread review_waiting notification about the edits `revision_ids` (a line that
// was just reviewed: the teacher has nothing left to do about it).
void settle_review_waiting(db::Connection& c, const std::vector<std::int64_t>& revision_ids);

}  // namespace kidwiki::engine

// Notifications and watchlists, without e-mail: what a pupil or a teacher learns when they come
// back. Each account watches the pages it created or edited (automatically) and the pages it
// starred; the engine writes a notification in the same transaction as the change it tells of:
// - approved / sent_back: to the author of a reviewed edit (sent back with the reviewer's message);
// - page_edited: to those who watch a page, when a new version is published on it (a pending
//   edit tells nobody but its reviewers: readers may not see it);
// - review_waiting: to a pupil's teacher, when the pupil's edit waits for review;
// - report: to the teachers whose pupils wrote on a page someone reported (the reporter's name is
//   not given: a child who reports must not fear the author);
// - talk_reply: to the author of a comment someone answered on a talk page.
// Several unread notifications of one kind about one page and one person are one, with a count.
//
// Visibility: a notification is listed (and counted) only while its reader may see what it tells
// of, as the rest of the engine decides: a revision hidden or a page deleted later drops out.
//
// Thread-safety: every method may be called from many threads at once.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "engine/actor.h"
#include "engine/result.h"
#include "engine/title.h"

namespace kidwiki::engine {

struct Edition;

enum class NotificationKind { approved, sent_back, page_edited, review_waiting, report, talk_reply };

// "approved", "sent-back", "page-edited", "review-waiting", "report", "talk-reply".
const char* notification_kind_name(NotificationKind kind);

struct Notification {
  std::int64_t id = 0;
  NotificationKind kind = NotificationKind::page_edited;
  std::string lang;   // the page's edition
  Title title;        // the page as it is called now
  std::optional<std::int64_t> revision_id;  // the version it tells of, when there is one
  std::string agent;    // who did it: the reviewer, the editor, the pupil; "" for a report
  std::string message;  // the reviewer's message (sent_back), the report's reason (report)
  int count = 1;        // changes told at once (page_edited, review_waiting, talk_reply)
  std::string timestamp;  // of the newest change told, ISO 8601 UTC
  bool read = false;
};

struct WatchedPage {
  std::string lang;
  Title title;
  std::string added_at;  // ISO 8601 UTC
};

inline constexpr int kMaxNotificationsListed = 200;

class Notifications {
 public:
  virtual ~Notifications() = default;

  // The actor's notifications, newest first, at most `limit` (brought within 1 to
  // kMaxNotificationsListed), older than id `before` when given. not_logged_in for a reader.
  virtual Result<std::vector<Notification>> list(const Actor& actor, int limit,
                                                 std::optional<std::int64_t> before) = 0;
  // How many of the actor's notifications are unread (0 for a reader), counting at most 99. The
  // count leaves out those about a revision hidden or a page deleted since, for every reader (a
  // moderator still finds a hidden one in the list).
  virtual int unread_count(const Actor& actor) = 0;
  // Marks the actor's notifications `ids` read, or all of them when `ids` is empty. Ids that are
  // not the actor's are ignored. not_logged_in for a reader.
  virtual Status mark_read(const Actor& actor, const std::vector<std::int64_t>& ids) = 0;

  // Stars or unstars a page for the actor. not_logged_in for a reader; not_found for a page that
  // does not exist for the actor.
  virtual Status set_watched(const Actor& actor, const Edition& ed, const Title& title,
                             bool watched) = 0;
  virtual bool is_watched(const Actor& actor, const Edition& ed, const Title& title) = 0;
  // The pages the actor watches in `ed` (every edition when null), in title order per edition;
  // pages deleted since are left out. not_logged_in for a reader.
  virtual Result<std::vector<WatchedPage>> watchlist(const Actor& actor, const Edition* ed) = 0;
};

}  // namespace kidwiki::engine

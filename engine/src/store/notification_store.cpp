#include "store/notification_store.h"

#include <string>

#include "store/clock.h"
#include "store/sql_id_list.h"

namespace kidwiki::engine {
namespace {

constexpr const char* kNotificationColumns =
    "SELECT n.id, n.kind, e.lang, p.ns, p.title, n.revision_id, n.agent, n.message, n.count,"
    " n.created_at, n.read_at IS NOT NULL, n.page_id, p.edition_id"
    " FROM notification n JOIN page p ON p.id = n.page_id JOIN edition e ON e.id = p.edition_id ";

NotificationKind kind_of(const std::string& name) {
  for (auto kind : {NotificationKind::approved, NotificationKind::sent_back,
                    NotificationKind::page_edited, NotificationKind::review_waiting,
                    NotificationKind::report, NotificationKind::talk_reply}) {
    if (name == notification_kind_name(kind)) return kind;
  }
  throw db::StorageError(0, "unknown notification kind " + name);
}

NotificationRow read_row(const db::Query& st) {
  NotificationRow row;
  Notification& n = row.shown;
  n.id = st.int64(0);
  n.kind = kind_of(st.text(1));
  n.lang = st.text(2);
  n.title = Title{static_cast<Namespace>(st.int64(3)), st.text(4)};
  n.revision_id = st.optional_int64(5);
  n.agent = st.text(6);
  n.message = st.text(7);
  n.count = static_cast<int>(st.int64(8));
  n.timestamp = st.text(9);
  n.read = st.int64(10) != 0;
  row.page_id = st.int64(11);
  row.edition_id = st.int64(12);
  return row;
}

// The kinds that tell of a stream of changes: the unread one grows instead of another row.
bool gathers(NotificationKind kind) {
  return kind == NotificationKind::page_edited || kind == NotificationKind::review_waiting ||
         kind == NotificationKind::talk_reply;
}

}  // namespace

const char* notification_kind_name(NotificationKind kind) {
  switch (kind) {
    case NotificationKind::approved:
      return "approved";
    case NotificationKind::sent_back:
      return "sent-back";
    case NotificationKind::page_edited:
      return "page-edited";
    case NotificationKind::review_waiting:
      return "review-waiting";
    case NotificationKind::report:
      return "report";
    case NotificationKind::talk_reply:
      return "talk-reply";
  }
  return "page-edited";
}

void set_watch(db::Connection& c, std::int64_t user_id, std::int64_t page_id, bool watched) {
  if (watched) {
    c.prepare("INSERT OR IGNORE INTO watch (user_id, page_id, added_at) VALUES (?, ?, ?)")
        .bind(1, user_id)
        .bind(2, page_id)
        .bind(3, now_iso8601())
        .run();
  } else {
    c.prepare("DELETE FROM watch WHERE user_id = ? AND page_id = ?")
        .bind(1, user_id)
        .bind(2, page_id)
        .run();
  }
}

bool watching(db::Connection& c, std::int64_t user_id, std::int64_t page_id) {
  auto st = c.prepare("SELECT 1 FROM watch WHERE user_id = ? AND page_id = ?");
  st.bind(1, user_id).bind(2, page_id);
  return st.step();
}

std::vector<std::int64_t> watchers_of(db::Connection& c, std::int64_t page_id) {
  auto st = c.prepare("SELECT user_id FROM watch WHERE page_id = ?");
  st.bind(1, page_id);
  std::vector<std::int64_t> ids;
  while (st.step()) ids.push_back(st.int64(0));
  return ids;
}

std::vector<WatchRow> watched_pages(db::Connection& c, std::int64_t user_id,
                                    std::int64_t edition_id) {
  auto st = c.prepare(
      "SELECT e.lang, p.ns, p.title, w.added_at FROM watch w JOIN page p ON p.id = w.page_id"
      " JOIN edition e ON e.id = p.edition_id"
      " WHERE w.user_id = ?1 AND (?2 = 0 OR p.edition_id = ?2) AND p.deleted_at IS NULL"
      " ORDER BY e.lang, p.ns, p.title");
  st.bind(1, user_id).bind(2, edition_id);
  std::vector<WatchRow> rows;
  while (st.step()) {
    rows.push_back({st.text(0), Title{static_cast<Namespace>(st.int64(1)), st.text(2)},
                    st.text(3)});
  }
  return rows;
}

void notify(db::Connection& c, const NewNotification& n) {
  std::int64_t count = 1;
  if (gathers(n.kind)) {
    auto st = c.prepare(
        "SELECT id, count FROM notification WHERE user_id = ? AND kind = ? AND page_id = ?"
        " AND agent_id IS ? AND read_at IS NULL");
    st.bind(1, n.user_id)
        .bind(2, notification_kind_name(n.kind))
        .bind(3, n.page_id)
        .bind(4, n.agent_id);
    if (st.step()) {
      // Removed and written again: a new id keeps "newest first" a matter of ids.
      const std::int64_t old = st.int64(0);
      count += st.int64(1);
      c.prepare("DELETE FROM notification WHERE id = ?").bind(1, old).run();
    }
  }
  c.prepare(
       "INSERT INTO notification (user_id, kind, page_id, revision_id, agent_id, agent, message,"
       " count, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)")
      .bind(1, n.user_id)
      .bind(2, notification_kind_name(n.kind))
      .bind(3, n.page_id)
      .bind(4, n.revision_id)
      .bind(5, n.agent_id)
      .bind(6, n.agent)
      .bind(7, n.message)
      .bind(8, count)
      .bind(9, now_iso8601())
      .run();
}

std::vector<NotificationRow> notifications_of(db::Connection& c, std::int64_t user_id, int limit,
                                              std::optional<std::int64_t> before) {
  auto st = c.prepare(std::string(kNotificationColumns) +
                      "WHERE n.user_id = ?1 AND (?2 IS NULL OR n.id < ?2) ORDER BY n.id DESC"
                      " LIMIT ?3");
  st.bind(1, user_id).bind(2, before).bind(3, static_cast<std::int64_t>(limit));
  std::vector<NotificationRow> rows;
  while (st.step()) rows.push_back(read_row(st));
  return rows;
}

int unread_count_of(db::Connection& c, std::int64_t user_id, int limit) {
  auto st = c.prepare(
      "SELECT COUNT(*) FROM (SELECT 1 FROM notification n JOIN page p ON p.id = n.page_id"
      " LEFT JOIN revision r ON r.id = n.revision_id WHERE n.user_id = ? AND n.read_at IS NULL"
      " AND p.deleted_at IS NULL AND (r.id IS NULL OR r.hidden = 0) LIMIT ?)");
  st.bind(1, user_id).bind(2, static_cast<std::int64_t>(limit));
  st.step();
  return static_cast<int>(st.int64(0));
}

void mark_notifications_read(db::Connection& c, std::int64_t user_id,
                             const std::vector<std::int64_t>& ids) {
  c.prepare(
       "UPDATE notification SET read_at = ?1 WHERE user_id = ?2 AND read_at IS NULL"
       " AND (?3 = '[]' OR id IN (SELECT value FROM json_each(?3)))")
      .bind(1, now_iso8601())
      .bind(2, user_id)
      .bind(3, sql_id_list(ids))
      .run();
}

void settle_review_waiting(db::Connection& c, const std::vector<std::int64_t>& revision_ids) {
  c.prepare(
       "UPDATE notification SET read_at = ?1 WHERE kind = 'review-waiting' AND read_at IS NULL"
       " AND revision_id IN (SELECT value FROM json_each(?2))")
      .bind(1, now_iso8601())
      .bind(2, sql_id_list(revision_ids))
      .run();
}

}  // namespace kidwiki::engine

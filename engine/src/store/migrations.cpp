#include "store/migrations.h"

#include <string>
#include <vector>

#include "store/clock.h"

namespace kidwiki::engine {
namespace {

// Invariant: index i holds the migration to version i + 1.
const std::vector<const char*>& migrations() {
  static const std::vector<const char*> all = {
      // 1: editions, pages, revisions, link tables, the search outbox.
      R"sql(
CREATE TABLE edition (
  id INTEGER PRIMARY KEY,
  lang TEXT NOT NULL UNIQUE,
  name TEXT NOT NULL,
  dir TEXT NOT NULL DEFAULT 'ltr' CHECK (dir IN ('ltr', 'rtl')),
  main_page TEXT NOT NULL,
  talk_name TEXT NOT NULL,
  category_name TEXT NOT NULL
);
CREATE TABLE page (
  id INTEGER PRIMARY KEY,
  edition_id INTEGER NOT NULL REFERENCES edition(id),
  ns INTEGER NOT NULL,
  title TEXT NOT NULL,
  latest_revision_id INTEGER,
  visible_revision_id INTEGER,
  is_redirect INTEGER NOT NULL DEFAULT 0,
  created_at TEXT NOT NULL,
  UNIQUE (edition_id, ns, title)
);
CREATE TABLE revision (
  id INTEGER PRIMARY KEY,
  page_id INTEGER NOT NULL REFERENCES page(id),
  parent_id INTEGER REFERENCES revision(id),
  author TEXT NOT NULL,
  created_at TEXT NOT NULL,
  summary TEXT NOT NULL,
  size INTEGER NOT NULL,
  markdown TEXT NOT NULL,
  html TEXT NOT NULL,
  plain_text TEXT NOT NULL,
  meta TEXT NOT NULL,
  review_state TEXT NOT NULL DEFAULT 'approved'
    CHECK (review_state IN ('approved', 'pending', 'rejected'))
);
CREATE INDEX revision_page ON revision(page_id, id);
CREATE TABLE page_link (
  from_page_id INTEGER NOT NULL REFERENCES page(id),
  edition_id INTEGER NOT NULL,
  to_ns INTEGER NOT NULL,
  to_title TEXT NOT NULL,
  PRIMARY KEY (from_page_id, to_ns, to_title)
) WITHOUT ROWID;
CREATE INDEX page_link_target ON page_link(edition_id, to_ns, to_title);
CREATE TABLE category_link (
  page_id INTEGER NOT NULL REFERENCES page(id),
  edition_id INTEGER NOT NULL,
  category TEXT NOT NULL,
  PRIMARY KEY (page_id, category)
) WITHOUT ROWID;
CREATE INDEX category_link_category ON category_link(edition_id, category);
CREATE TABLE lang_link (
  page_id INTEGER NOT NULL REFERENCES page(id),
  lang TEXT NOT NULL,
  title TEXT NOT NULL,
  PRIMARY KEY (page_id, lang)
) WITHOUT ROWID;
CREATE TABLE redirect (
  page_id INTEGER PRIMARY KEY REFERENCES page(id),
  edition_id INTEGER NOT NULL,
  to_ns INTEGER NOT NULL,
  to_title TEXT NOT NULL
);
CREATE INDEX redirect_target ON redirect(edition_id, to_ns, to_title);
CREATE TABLE search_outbox (
  id INTEGER PRIMARY KEY,
  edition_id INTEGER NOT NULL,
  page_id INTEGER NOT NULL,
  queued_at TEXT NOT NULL
);
)sql",
      // 2: accounts and sessions (issue 3). No e-mail, no real name, no birth date, no address.
      R"sql(
CREATE TABLE user (
  id INTEGER PRIMARY KEY,
  name TEXT NOT NULL,
  name_key TEXT NOT NULL UNIQUE,
  skeleton TEXT NOT NULL UNIQUE,
  password_hash TEXT NOT NULL,
  role TEXT NOT NULL CHECK (role IN ('pupil', 'teacher', 'moderator', 'admin')),
  trusted INTEGER NOT NULL DEFAULT 0,
  disabled INTEGER NOT NULL DEFAULT 0,
  class_id INTEGER,
  created_at TEXT NOT NULL
);
CREATE TABLE session (
  token_hash TEXT PRIMARY KEY,
  user_id INTEGER NOT NULL REFERENCES user(id),
  csrf_token TEXT NOT NULL,
  created_at TEXT NOT NULL,
  expires_at TEXT NOT NULL
);
CREATE INDEX session_user ON session(user_id);
ALTER TABLE revision ADD COLUMN author_id INTEGER REFERENCES user(id);
)sql",
      // 3: review of pending revisions (issue 3).
      R"sql(
ALTER TABLE revision ADD COLUMN reviewer_id INTEGER REFERENCES user(id);
ALTER TABLE revision ADD COLUMN reviewed_at TEXT;
ALTER TABLE revision ADD COLUMN review_message TEXT;
CREATE INDEX revision_review ON revision(review_state, id);
)sql",
      // 4: classes, moderation and the audit log (issue 3).
      R"sql(
CREATE TABLE class (
  id INTEGER PRIMARY KEY,
  name TEXT NOT NULL,
  edition_id INTEGER NOT NULL REFERENCES edition(id),
  teacher_id INTEGER NOT NULL REFERENCES user(id),
  review_required INTEGER NOT NULL DEFAULT 1,
  archived INTEGER NOT NULL DEFAULT 0,
  created_at TEXT NOT NULL
);
CREATE INDEX class_teacher ON class(teacher_id);
CREATE INDEX user_class ON user(class_id);
ALTER TABLE edition ADD COLUMN anonymous_editing INTEGER NOT NULL DEFAULT 0;
ALTER TABLE page ADD COLUMN protection TEXT NOT NULL DEFAULT 'none'
  CHECK (protection IN ('none', 'trusted', 'moderators'));
ALTER TABLE page ADD COLUMN deleted_at TEXT;
ALTER TABLE revision ADD COLUMN hidden INTEGER NOT NULL DEFAULT 0;
CREATE INDEX revision_author ON revision(author_id, id);
CREATE TABLE block (
  id INTEGER PRIMARY KEY,
  user_id INTEGER NOT NULL REFERENCES user(id),
  blocked_by INTEGER NOT NULL REFERENCES user(id),
  reason TEXT NOT NULL,
  created_at TEXT NOT NULL,
  expires_at TEXT,
  lifted_at TEXT
);
CREATE INDEX block_user ON block(user_id, id);
CREATE TABLE report (
  id INTEGER PRIMARY KEY,
  page_id INTEGER NOT NULL REFERENCES page(id),
  revision_id INTEGER REFERENCES revision(id),
  reason TEXT NOT NULL,
  reporter_id INTEGER REFERENCES user(id),
  created_at TEXT NOT NULL,
  resolved_by INTEGER REFERENCES user(id),
  resolved_at TEXT
);
CREATE INDEX report_open ON report(resolved_at, id);
CREATE TABLE filter_list (
  edition_id INTEGER PRIMARY KEY REFERENCES edition(id),
  text TEXT NOT NULL,
  updated_by INTEGER REFERENCES user(id),
  updated_at TEXT NOT NULL
);
CREATE TABLE audit_log (
  id INTEGER PRIMARY KEY,
  at TEXT NOT NULL,
  actor_id INTEGER REFERENCES user(id),
  action TEXT NOT NULL,
  target_type TEXT NOT NULL,
  target_id INTEGER,
  target_label TEXT NOT NULL,
  class_id INTEGER REFERENCES class(id),
  reason TEXT NOT NULL DEFAULT ''
);
CREATE INDEX audit_class ON audit_log(class_id, id);
)sql",
      // 5: policy in the engine (issue 9). A pending revision whose author's later revision was
      // approved is superseded by it: reviewed with it, never published itself. Revisions by an
      // author on a page are found by page first (an author's unpublished line).
      R"sql(
ALTER TABLE revision ADD COLUMN superseded_by INTEGER REFERENCES revision(id);
CREATE INDEX revision_page_author ON revision(page_id, author_id, id);
)sql",
      // 6: saves at scale (issue 11). A save looks for the pending revisions of its page: without
      // this index SQLite took them from revision_review, every pending revision of the wiki,
      // and read each row to its end (superseded_by) to keep those of the page.
      R"sql(
CREATE INDEX revision_page_review ON revision(page_id, review_state, id);
)sql",
      // 7: pictures (issue 13). A picture is a page of the File namespace whose revisions each
      // carry one cleaned image (docs/media.md): a description edit keeps its parent's image, an
      // upload brings a new one, and review, history, hiding and deletion work as for any page.
      // The bytes live on disk under media/, named by their SHA-256; a row here is written only
      // after its file is on disk, so no revision ever points at a missing file.
      R"sql(
ALTER TABLE edition ADD COLUMN file_name TEXT NOT NULL DEFAULT 'File';
UPDATE edition SET file_name = 'Fichier' WHERE lang = 'fr';
CREATE TABLE media_file (
  sha256 TEXT PRIMARY KEY,
  format TEXT NOT NULL CHECK (format IN ('jpeg', 'png', 'webp')),
  width INTEGER NOT NULL,
  height INTEGER NOT NULL,
  bytes INTEGER NOT NULL,
  created_at TEXT NOT NULL
) WITHOUT ROWID;
CREATE TABLE revision_file (
  revision_id INTEGER PRIMARY KEY REFERENCES revision(id),
  sha256 TEXT NOT NULL REFERENCES media_file(sha256),
  licence TEXT NOT NULL,
  author TEXT NOT NULL,
  source TEXT NOT NULL
);
CREATE INDEX revision_file_sha ON revision_file(sha256);
)sql",
      // 8: notifications and watchlists (issue 15). A watch is by page, so that it follows a
      // renamed page. A notification is written in the transaction of the change it tells of;
      // read_at stays NULL until its reader marks it read.
      R"sql(
CREATE TABLE watch (
  user_id INTEGER NOT NULL REFERENCES user(id),
  page_id INTEGER NOT NULL REFERENCES page(id),
  added_at TEXT NOT NULL,
  PRIMARY KEY (user_id, page_id)
) WITHOUT ROWID;
CREATE INDEX watch_page ON watch(page_id, user_id);
CREATE TABLE notification (
  id INTEGER PRIMARY KEY,
  user_id INTEGER NOT NULL REFERENCES user(id),
  kind TEXT NOT NULL CHECK (kind IN ('approved', 'sent-back', 'page-edited', 'review-waiting',
                                     'report', 'talk-reply')),
  page_id INTEGER NOT NULL REFERENCES page(id),
  revision_id INTEGER REFERENCES revision(id),
  agent_id INTEGER REFERENCES user(id),
  agent TEXT NOT NULL,
  message TEXT NOT NULL DEFAULT '',
  count INTEGER NOT NULL DEFAULT 1,
  created_at TEXT NOT NULL,
  read_at TEXT
);
CREATE INDEX notification_user ON notification(user_id, id);
CREATE INDEX notification_unread ON notification(user_id, read_at, kind, page_id);
CREATE INDEX notification_revision ON notification(revision_id) WHERE read_at IS NULL;
)sql",
      // 9: lesson windows (issue 15). A class's pupils edit always (as before), never (the
      // teacher's one button), or during weekly lessons outside holidays, in the school's time
      // zone. Slots and holidays stay when the mode changes, so switching editing off for a
      // moment loses no timetable.
      R"sql(
ALTER TABLE class ADD COLUMN lesson_mode TEXT NOT NULL DEFAULT 'always'
  CHECK (lesson_mode IN ('always', 'closed', 'lessons'));
CREATE TABLE class_lesson_slot (
  class_id INTEGER NOT NULL REFERENCES class(id),
  weekday INTEGER NOT NULL CHECK (weekday BETWEEN 1 AND 7),
  start_minute INTEGER NOT NULL,
  end_minute INTEGER NOT NULL,
  CHECK (start_minute >= 0 AND start_minute < end_minute AND end_minute <= 1440),
  PRIMARY KEY (class_id, weekday, start_minute)
) WITHOUT ROWID;
CREATE TABLE class_holiday (
  class_id INTEGER NOT NULL REFERENCES class(id),
  first_day TEXT NOT NULL,
  last_day TEXT NOT NULL CHECK (last_day >= first_day),
  PRIMARY KEY (class_id, first_day)
) WITHOUT ROWID;
)sql",
      // 10: imports (issue 16). Each revision brought in from another wiki or a folder, by its
      // source and its id there, so that importing twice changes nothing and an interrupted
      // import resumes. A rowid table: SQLite 3.40's integrity_check misreports WITHOUT ROWID ones.
      R"sql(
CREATE TABLE imported_revision (
  edition_id INTEGER NOT NULL REFERENCES edition(id),
  source TEXT NOT NULL,
  source_id TEXT NOT NULL,
  revision_id INTEGER NOT NULL REFERENCES revision(id),
  imported_at TEXT NOT NULL,
  PRIMARY KEY (edition_id, source, source_id)
);
)sql",
      // 11: outbox ids that never go back (issue 11). A rebuild of the search index notes the
      // newest id before it reads the pages, then removes that edition's entries up to it: they
      // are in the new index. Without AUTOINCREMENT an emptied table restarts at 1, so an entry
      // queued during the rebuild could carry an id below the note and be removed unindexed.
      R"sql(
CREATE TABLE search_outbox_new (
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  edition_id INTEGER NOT NULL,
  page_id INTEGER NOT NULL,
  queued_at TEXT NOT NULL
);
INSERT INTO search_outbox_new (id, edition_id, page_id, queued_at)
  SELECT id, edition_id, page_id, queued_at FROM search_outbox ORDER BY id;
DROP TABLE search_outbox;
ALTER TABLE search_outbox_new RENAME TO search_outbox;
)sql",
  };
  return all;
}

int current_version(db::Connection& writer) {
  writer.exec(
      "CREATE TABLE IF NOT EXISTS schema_migration ("
      " version INTEGER PRIMARY KEY, applied_at TEXT NOT NULL)");
  auto st = writer.prepare("SELECT COALESCE(MAX(version), 0) FROM schema_migration");
  st.step();
  return static_cast<int>(st.int64(0));
}

}  // namespace

int latest_schema_version() { return static_cast<int>(migrations().size()); }

void apply_migrations(db::Connection& writer) {
  int version = current_version(writer);
  if (version > latest_schema_version()) {
    throw db::StorageError(0, "the database was written by a newer kidwiki (schema version " +
                                  std::to_string(version) + ")");
  }
  for (int next = version + 1; next <= latest_schema_version(); ++next) {
    db::Transaction tx(writer);
    writer.exec(migrations()[static_cast<std::size_t>(next - 1)]);
    writer.prepare("INSERT INTO schema_migration (version, applied_at) VALUES (?, ?)")
        .bind(1, std::int64_t{next})
        .bind(2, now_iso8601())
        .run();
    tx.commit();
  }
}

}  // namespace kidwiki::engine

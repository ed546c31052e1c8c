#include "migrations.h"

#include <string>
#include <vector>

#include "clock.h"

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

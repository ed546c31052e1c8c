#include "store/moderation_store.h"

#include "engine/wiki.h"
#include "store/clock.h"

namespace kidwiki::engine {

Protection page_protection(db::Connection& c, std::int64_t edition_id, const Title& title) {
  auto st = c.prepare("SELECT protection FROM page WHERE edition_id = ? AND ns = ? AND title = ?");
  st.bind(1, edition_id).bind(2, std::int64_t{static_cast<int>(title.ns)}).bind(3, title.text);
  if (!st.step()) return Protection::none;
  return protection_from_name(st.text(0)).value_or(Protection::none);
}

void set_page_protection(db::Connection& c, std::int64_t page_id, Protection level) {
  c.prepare("UPDATE page SET protection = ? WHERE id = ?")
      .bind(1, protection_name(level))
      .bind(2, page_id)
      .run();
}

void mark_page_deleted(db::Connection& c, std::int64_t page_id, bool deleted) {
  auto mark = c.prepare("UPDATE page SET deleted_at = ? WHERE id = ?");
  if (deleted)
    mark.bind(1, now_iso8601());
  else
    mark.bind_null(1);
  mark.bind(2, page_id).run();
}

std::vector<Title> deleted_page_titles(db::Connection& c, std::int64_t edition_id) {
  auto st = c.prepare(
      "SELECT ns, title FROM page WHERE edition_id = ? AND deleted_at IS NOT NULL"
      " ORDER BY deleted_at DESC, id DESC");
  st.bind(1, edition_id);
  std::vector<Title> titles;
  while (st.step()) titles.push_back(Title{static_cast<Namespace>(st.int64(0)), st.text(1)});
  return titles;
}

void mark_revision_hidden(db::Connection& c, std::int64_t revision_id, bool hidden) {
  c.prepare("UPDATE revision SET hidden = ? WHERE id = ?")
      .bind(1, std::int64_t{hidden ? 1 : 0})
      .bind(2, revision_id)
      .run();
}

std::optional<std::int64_t> newest_shown_revision(db::Connection& c, std::int64_t page_id,
                                                  bool approved_only) {
  auto st = c.prepare(
      "SELECT id FROM revision WHERE page_id = ?1 AND hidden = 0"
      " AND (?2 = 0 OR review_state = ?3) ORDER BY id DESC LIMIT 1");
  st.bind(1, page_id).bind(2, std::int64_t{approved_only ? 1 : 0});
  st.bind(3, review_state_name(ReviewState::approved));
  if (!st.step()) return std::nullopt;
  return st.int64(0);
}

std::int64_t shown_revision_count(db::Connection& c, std::int64_t page_id, bool approved_only) {
  auto st = c.prepare(
      "SELECT COUNT(*) FROM revision WHERE page_id = ?1 AND hidden = 0"
      " AND (?2 = 0 OR review_state = ?3)");
  st.bind(1, page_id).bind(2, std::int64_t{approved_only ? 1 : 0});
  st.bind(3, review_state_name(ReviewState::approved));
  st.step();
  return st.int64(0);
}

std::string stored_revision_meta(db::Connection& c, std::int64_t revision_id) {
  auto st = c.prepare("SELECT meta FROM revision WHERE id = ?");
  st.bind(1, revision_id);
  return st.step() ? st.text(0) : std::string();
}

std::optional<std::string> saved_filter_list(db::Connection& c, std::int64_t edition_id) {
  auto st = c.prepare("SELECT text FROM filter_list WHERE edition_id = ?");
  st.bind(1, edition_id);
  if (st.step()) return st.text(0);
  return std::nullopt;
}

void save_filter_list(db::Connection& c, std::int64_t edition_id, std::string_view text,
                      std::optional<std::int64_t> updated_by) {
  c.prepare(
       "INSERT INTO filter_list (edition_id, text, updated_by, updated_at)"
       " VALUES (?, ?, ?, ?) ON CONFLICT (edition_id) DO UPDATE SET"
       " text = excluded.text, updated_by = excluded.updated_by,"
       " updated_at = excluded.updated_at")
      .bind(1, edition_id)
      .bind(2, text)
      .bind(3, updated_by)
      .bind(4, now_iso8601())
      .run();
}

}  // namespace kidwiki::engine

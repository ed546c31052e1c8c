#include "store/revision_lists.h"

#include <climits>
#include <string>

#include "store/page_store.h"
#include "store/sql_id_list.h"

namespace kidwiki::engine {
namespace {

constexpr std::int64_t kNoLimit = INT64_MAX;

// The rows a list shows, on revision `r`; binds ?4 (every state), ?5 (the authors, as
// sql_id_list gives them) and ?6 (the approved state's name).
constexpr const char* kInScope =
    " AND (r.review_state = ?6 OR ?4 OR r.author_id IN (SELECT value FROM json_each(?5)))";

void bind_scope(db::Query& st, bool every_state, const std::vector<std::int64_t>& also_authors) {
  st.bind(4, std::int64_t{every_state}).bind(5, sql_id_list(also_authors));
  st.bind(6, review_state_name(ReviewState::approved));
}

// Reads up to `limit` + 1 rows: the extra one only says that more follow.
Page page_of(db::Query& st, int limit) {
  Page page;
  while (st.step()) page.items.push_back(read_revision_info(st, 0));
  if (static_cast<int>(page.items.size()) > limit) {
    page.items.pop_back();
    page.next_before = page.items.back().id;
  }
  return page;
}

// Columns after kRevisionInfoColumns, read by read_edit. "Latest" is the author's newest
// revision of the page: the one "edit again" continues.
constexpr const char* kEditColumns =
    ", e.lang, COALESCE(r.review_message, ''), COALESCE(u.name, ''),"
    " COALESCE(r.reviewed_at, ''), NOT EXISTS (SELECT 1 FROM revision n WHERE n.page_id = r.page_id"
    " AND n.author_id = r.author_id AND n.id > r.id) FROM revision r"
    " JOIN page p ON p.id = r.page_id JOIN edition e ON e.id = p.edition_id"
    " LEFT JOIN user u ON u.id = r.reviewer_id ";

AuthorEdit read_edit(const db::Query& st) {
  constexpr int c = kRevisionInfoColumnCount;
  AuthorEdit e;
  e.info = read_revision_info(st, 0);
  e.lang = st.text(c);
  e.author_id = e.info.author_id;
  e.review_message = st.text(c + 1);
  e.reviewer = st.text(c + 2);
  e.reviewed_at = st.text(c + 3);
  e.is_latest = st.int64(c + 4) != 0;
  return e;
}

}  // namespace

Page page_history(db::Connection& c, std::int64_t page_id, std::optional<std::int64_t> before,
                  int limit, bool every_state, const std::vector<std::int64_t>& also_authors) {
  auto st = c.prepare(std::string("SELECT ") + kRevisionInfoColumns +
                      " FROM revision r JOIN page p ON p.id = r.page_id"
                      " WHERE r.page_id = ?1 AND r.id < ?2" +
                      kInScope + " ORDER BY r.id DESC LIMIT ?3");
  st.bind(1, page_id).bind(2, before.value_or(kNoLimit)).bind(3, std::int64_t{limit + 1});
  bind_scope(st, every_state, also_authors);
  return page_of(st, limit);
}

Page recent_revisions(db::Connection& c, std::int64_t edition_id,
                      std::optional<std::int64_t> before, int limit, bool every_state,
                      const std::vector<std::int64_t>& also_authors) {
  auto st = c.prepare(std::string("SELECT ") + kRevisionInfoColumns +
                      " FROM revision r JOIN page p ON p.id = r.page_id"
                      " WHERE p.edition_id = ?1 AND r.id < ?2 AND p.deleted_at IS NULL" +
                      kInScope + " ORDER BY r.id DESC LIMIT ?3");
  st.bind(1, edition_id).bind(2, before.value_or(kNoLimit)).bind(3, std::int64_t{limit + 1});
  bind_scope(st, every_state, also_authors);
  return page_of(st, limit);
}

std::vector<AuthorEdit> author_edits(db::Connection& c, const std::vector<std::int64_t>& author_ids,
                                     int limit) {
  auto st = c.prepare(std::string("SELECT ") + kRevisionInfoColumns + kEditColumns +
                      "WHERE r.author_id IN (SELECT value FROM json_each(?1))"
                      " ORDER BY r.id DESC LIMIT ?2");
  st.bind(1, sql_id_list(author_ids)).bind(2, std::int64_t{limit});
  std::vector<AuthorEdit> out;
  while (st.step()) out.push_back(read_edit(st));
  return out;
}

std::optional<AuthorEdit> author_edit(db::Connection& c, std::int64_t revision_id) {
  auto st = c.prepare(std::string("SELECT ") + kRevisionInfoColumns + kEditColumns +
                      "WHERE r.id = ?1 AND p.deleted_at IS NULL");
  st.bind(1, revision_id);
  if (!st.step()) return std::nullopt;
  return read_edit(st);
}

}  // namespace kidwiki::engine

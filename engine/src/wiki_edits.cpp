// An author's edits with their review state: "my edits" for a pupil, the class dashboard for a
// teacher, and the lookup of a revision by its id alone (the review routes name no edition).
#include "sql_id_list.h"
#include "wiki_impl.h"

namespace kidwiki::engine {
namespace {

// Columns after kRevisionInfoColumns (11 of them), read by read_edit.
constexpr const char* kEditColumns =
    ", e.lang, r.author_id, COALESCE(r.review_message, ''), COALESCE(u.name, ''),"
    " COALESCE(r.reviewed_at, ''), p.latest_revision_id = r.id FROM revision r"
    " JOIN page p ON p.id = r.page_id JOIN edition e ON e.id = p.edition_id"
    " LEFT JOIN user u ON u.id = r.reviewer_id ";

AuthorEdit read_edit(const db::Query& st) {
  AuthorEdit e;
  e.info = read_revision_info(st, 0);
  e.lang = st.text(11);
  e.author_id = st.optional_int64(12);
  e.review_message = st.text(13);
  e.reviewer = st.text(14);
  e.reviewed_at = st.text(15);
  e.is_latest = st.int64(16) != 0;
  return e;
}

}  // namespace

std::vector<AuthorEdit> WikiImpl::edits_by(const std::vector<std::int64_t>& author_ids, int limit) {
  std::vector<AuthorEdit> out;
  if (author_ids.empty() || limit <= 0) return out;
  auto reader = readers_->lease();
  auto st = reader->prepare(std::string("SELECT ") + kRevisionInfoColumns + kEditColumns +
                            "WHERE r.author_id IN (SELECT value FROM json_each(?1))"
                            " ORDER BY r.id DESC LIMIT ?2");
  st.bind(1, sql_id_list(author_ids)).bind(2, std::int64_t{limit});
  while (st.step()) out.push_back(read_edit(st));
  return out;
}

std::optional<AuthorEdit> WikiImpl::find_edit(std::int64_t revision_id) {
  auto reader = readers_->lease();
  auto st = reader->prepare(std::string("SELECT ") + kRevisionInfoColumns + kEditColumns +
                            "WHERE r.id = ?1");
  st.bind(1, revision_id);
  if (!st.step()) return std::nullopt;
  return read_edit(st);
}

}  // namespace kidwiki::engine

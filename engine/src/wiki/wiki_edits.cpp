// An author's edits with their review state: "my edits" for a pupil, the class dashboard for a
// teacher, and the lookup of a revision by its id alone (the review routes name no edition).
#include "policy/class_scope.h"
#include "policy/require.h"
#include "policy/review_scope.h"
#include "policy/revision_visibility.h"
#include "store/class_store.h"
#include "store/sql_id_list.h"
#include "wiki/wiki_impl.h"

namespace kidwiki::engine {
namespace {

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

Result<std::vector<AuthorEdit>> WikiImpl::edits_of(const std::vector<std::int64_t>& author_ids,
                                                   int limit) {
  return guard_storage([&]() -> Result<std::vector<AuthorEdit>> {
    std::vector<AuthorEdit> out;
    if (author_ids.empty() || limit <= 0) return out;
    auto reader = readers_->lease();
    auto st = reader->prepare(std::string("SELECT ") + kRevisionInfoColumns + kEditColumns +
                              "WHERE r.author_id IN (SELECT value FROM json_each(?1))"
                              " ORDER BY r.id DESC LIMIT ?2");
    st.bind(1, sql_id_list(author_ids)).bind(2, std::int64_t{limit});
    while (st.step()) out.push_back(read_edit(st));
    return out;
  });
}

Result<std::vector<AuthorEdit>> WikiImpl::edits_by(const Actor& actor, std::int64_t author_id,
                                                   int limit) {
  if (actor.id() == author_id) {
    if (auto refused = policy::require(actor, Action::see_own_edits); !refused) {
      return refused.error();
    }
  } else {
    auto reader = readers_->lease();
    if (!policy::reviews_author(*reader, actor, author_id)) {
      return make_error(ErrorCode::forbidden, "access-error-forbidden");
    }
  }
  return edits_of({author_id}, limit);
}

Result<std::vector<AuthorEdit>> WikiImpl::class_edits(const Actor& actor, std::int64_t class_id,
                                                      int limit) {
  std::vector<std::int64_t> pupils;
  {
    auto reader = readers_->lease();
    auto cls = policy::class_for(*reader, actor, class_id, policy::ClassUse::see);
    if (!cls) return cls.error();
    pupils = pupil_ids_of_class(*reader, class_id);
  }
  return edits_of(pupils, limit);
}

Result<AuthorEdit> WikiImpl::find_edit(const Actor& actor, std::int64_t revision_id) {
  return guard_storage([&]() -> Result<AuthorEdit> {
    auto reader = readers_->lease();
    std::optional<AuthorEdit> edit;
    {
      auto st = reader->prepare(std::string("SELECT ") + kRevisionInfoColumns + kEditColumns +
                                "WHERE r.id = ?1 AND p.deleted_at IS NULL");
      st.bind(1, revision_id);
      if (st.step()) edit = read_edit(st);
    }
    if (!edit) {
      return make_error(ErrorCode::not_found, "error-revision-not-found", {{"id", revision_id}});
    }
    if (auto refused = policy::may_see(*reader, actor, edit->info); !refused) {
      return refused.error();
    }
    return *edit;
  });
}

}  // namespace kidwiki::engine

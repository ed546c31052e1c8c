// An author's edits with their review state: "my edits" for a pupil, the class dashboard for a
// teacher, and the lookup of a revision by its id alone (the review routes name no edition).
#include "policy/class_scope.h"
#include "policy/require.h"
#include "policy/review_scope.h"
#include "policy/revision_visibility.h"
#include "store/class_store.h"
#include "store/revision_lists.h"
#include "wiki/wiki_impl.h"

namespace kidwiki::engine {

Result<std::vector<AuthorEdit>> WikiImpl::edits_of(const std::vector<std::int64_t>& author_ids,
                                                   int limit) {
  return guard_storage([&]() -> Result<std::vector<AuthorEdit>> {
    if (author_ids.empty() || limit <= 0) return std::vector<AuthorEdit>{};
    auto reader = readers_->lease();
    return author_edits(*reader, author_ids, limit);
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
    std::optional<AuthorEdit> edit = author_edit(*reader, revision_id);
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

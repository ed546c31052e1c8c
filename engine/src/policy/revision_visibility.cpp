#include "policy/revision_visibility.h"

#include "policy/review_scope.h"

namespace kidwiki::engine::policy {

bool sees_hidden(const Actor& actor) { return actor.may(Action::hide_revision); }

Status may_see(db::Connection& c, const Actor& actor, const RevisionInfo& info) {
  const bool published_kind = info.review == ReviewState::approved;
  const bool own = actor.id() && info.author_id == actor.id();
  if (!published_kind && !own && !reviews_author(c, actor, info.author_id)) {
    return make_error(ErrorCode::not_found, "error-revision-not-found", {{"id", info.id}});
  }
  if (info.hidden && !sees_hidden(actor)) {
    return make_error(ErrorCode::forbidden, "moderation-revision-hidden");
  }
  return Ok{};
}

ListScope list_scope(db::Connection& c, const Actor& actor) {
  ListScope scope;
  auto reviewed = reviewed_authors(c, actor);
  if (!reviewed) {
    scope.every_state = true;
    return scope;
  }
  scope.also_authors = std::move(*reviewed);
  if (actor.id()) scope.also_authors.push_back(*actor.id());
  return scope;
}

RevisionInfo as_listed(const Actor& actor, RevisionInfo info) {
  if (info.hidden && !sees_hidden(actor)) info.summary.clear();
  return info;
}

}  // namespace kidwiki::engine::policy

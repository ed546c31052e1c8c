#include "revision_visibility.h"

#include "review_scope.h"

namespace kidwiki::web {

engine::RevisionScope revision_scope(WebContext& ctx, const Caller& caller) {
  if (caller.may(engine::Action::review_all)) return engine::RevisionScope::everything();
  engine::RevisionScope scope = engine::RevisionScope::readers();
  if (!caller.logged_in()) return scope;
  scope.also_authors.push_back(*caller.user_id());
  if (caller.may(engine::Action::review_class)) {
    for (auto pupil : pupils_of_teacher(ctx.wiki, *caller.user_id())) {
      scope.also_authors.push_back(pupil);
    }
  }
  return scope;
}

engine::Status revision_visible(WebContext& ctx, const Caller& caller,
                                const engine::RevisionInfo& info) {
  if (info.hidden && !caller.may(engine::Action::hide_revision)) {
    return engine::make_error(engine::ErrorCode::forbidden, "moderation-revision-hidden");
  }
  if (info.review == engine::ReviewState::approved) return engine::Ok{};
  if (caller.logged_in()) {
    auto edit = ctx.wiki.find_edit(info.id);
    const auto author = edit ? edit->author_id : std::nullopt;
    if (author && author == caller.user_id()) return engine::Ok{};
    if (may_review_author(ctx, caller, author)) return engine::Ok{};
  }
  return engine::make_error(engine::ErrorCode::not_found, "error-revision-not-found",
                            {{"id", info.id}});
}

}  // namespace kidwiki::web

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

bool sees_hidden_revisions(const Caller& caller) {
  return caller.may(engine::Action::hide_revision);
}

engine::RevisionInfo as_listed(const Caller& caller, engine::RevisionInfo info) {
  if (info.hidden && !sees_hidden_revisions(caller)) info.summary.clear();
  return info;
}

engine::Status revision_visible(WebContext& ctx, const Caller& caller,
                                const engine::RevisionInfo& info) {
  if (info.hidden && !sees_hidden_revisions(caller)) {
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

engine::Status revisions_visible(WebContext& ctx, const Caller& caller, const engine::Edition& ed,
                                 std::initializer_list<std::int64_t> ids) {
  for (auto id : ids) {
    auto rev = ctx.wiki.revision(ed, id);
    if (!rev) continue;
    if (auto visible = revision_visible(ctx, caller, rev->info); !visible) return visible;
  }
  return engine::Ok{};
}

}  // namespace kidwiki::web

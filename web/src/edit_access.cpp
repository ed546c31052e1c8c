#include "edit_access.h"

#include "review_scope.h"

namespace kidwiki::web {
namespace {

using engine::Action;
using engine::ErrorCode;
using engine::make_error;

engine::Status blocked(WebContext& ctx, const engine::User& user) {
  auto block = ctx.wiki.moderation().active_block(user.id);
  if (!block) return engine::Ok{};
  if (!block->expires_at) {
    return make_error(ErrorCode::forbidden, "edit-error-blocked", {{"reason", block->reason}});
  }
  return make_error(ErrorCode::forbidden, "edit-error-blocked-until",
                    {{"reason", block->reason}, {"until", *block->expires_at}});
}

engine::Status protection_allows(WebContext& ctx, const Caller& caller, const engine::Edition& ed,
                                 const engine::Title& title) {
  // A deleted page is restored by a moderator (with its history), never written over unseen.
  if (ctx.wiki.moderation().is_deleted(ed, title)) {
    return make_error(ErrorCode::forbidden, "moderation-error-page-deleted");
  }
  switch (ctx.wiki.moderation().protection(ed, title)) {
    case engine::Protection::none: return engine::Ok{};
    case engine::Protection::trusted:
      if (caller.may(Action::edit_protected_trusted)) return engine::Ok{};
      return make_error(ErrorCode::forbidden, "edit-error-protected-trusted");
    case engine::Protection::moderators:
      if (caller.may(Action::edit_protected_mods)) return engine::Ok{};
      return make_error(ErrorCode::forbidden, "edit-error-protected-moderators");
  }
  return engine::Ok{};
}

// A pupil's edits wait for review unless the pupil is trusted or their class does not ask for it.
bool needs_review(WebContext& ctx, const Caller& caller) {
  if (!caller.logged_in()) return true;
  const engine::User& user = caller.session->user;
  if (user.role != engine::Role::pupil || user.trusted) return false;
  if (!user.class_id) return true;
  auto klass = ctx.wiki.classes().get(*user.class_id);
  return !klass || klass->review_required;
}

// Whose pending edits a save by `caller` may publish along with its own (engine::SaveRequest::
// reviews): a moderator's or admin's everyone's, a teacher's their pupils', others' nobody's.
engine::ReviewScope reviewable_authors(WebContext& ctx, const Caller& caller) {
  if (caller.may(Action::review_all)) return std::nullopt;
  if (!caller.logged_in() || !caller.may(Action::review_class)) return std::vector<std::int64_t>{};
  return pupils_of_teacher(ctx.wiki, *caller.user_id());
}

EditCounter counter_for(const httplib::Request& req, const WebContext& ctx, const Caller& caller) {
  if (!caller.logged_in()) {
    return {EditCounter::Kind::reader, client_address(req, ctx.options), std::nullopt};
  }
  const engine::User& user = caller.session->user;
  if (user.role != engine::Role::pupil) {
    return {EditCounter::Kind::staff, std::to_string(user.id), std::nullopt};
  }
  return {EditCounter::Kind::pupil, std::to_string(user.id), user.class_id};
}

}  // namespace

engine::Status may_edit(WebContext& ctx, const Caller& caller, const engine::Edition& ed,
                        const engine::Title& title, Action action) {
  if (!caller.logged_in()) {
    if (action == Action::edit && ed.anonymous_editing) return protection_allows(ctx, caller, ed, title);
    return make_error(ErrorCode::not_logged_in, "access-error-anonymous-editing");
  }
  if (!caller.may(action)) return make_error(ErrorCode::forbidden, "access-error-forbidden");
  if (auto refused = blocked(ctx, caller.session->user); !refused) return refused;
  return protection_allows(ctx, caller, ed, title);
}

engine::Result<engine::Editor> authorize_edit(const httplib::Request& req, WebContext& ctx,
                                              const Caller& caller, const engine::Edition& ed,
                                              const engine::Title& title, Action action) {
  if (auto refused = may_edit(ctx, caller, ed, title, action); !refused) return refused.error();
  const auto wait = ctx.edits.try_save(counter_for(req, ctx, caller));
  if (wait.count() > 0) {
    return make_error(ErrorCode::rate_limited, "edit-error-rate-limited",
                      {{"seconds", static_cast<std::int64_t>(wait.count())}});
  }
  return engine::Editor{caller.author_name(), caller.user_id(), needs_review(ctx, caller),
                        reviewable_authors(ctx, caller)};
}

}  // namespace kidwiki::web

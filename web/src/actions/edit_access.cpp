#include "actions/edit_access.h"

namespace kidwiki::web {
namespace {

EditCounter counter_for(const httplib::Request& req, const WebContext& ctx, const Caller& caller) {
  if (!caller.logged_in()) {
    return {EditCounter::Kind::reader, client_address(req, ctx.options), std::nullopt};
  }
  const engine::User& user = caller.session->user();
  if (user.role != engine::Role::pupil) {
    return {EditCounter::Kind::staff, std::to_string(user.id), std::nullopt};
  }
  return {EditCounter::Kind::pupil, std::to_string(user.id), user.class_id};
}

}  // namespace

engine::Status authorize_edit(const httplib::Request& req, WebContext& ctx, const Caller& caller,
                              const engine::Edition& ed, const engine::Title& title, bool move) {
  if (auto refused = ctx.wiki.may_edit(caller.actor, ed, title, move); !refused) return refused;
  const auto wait = ctx.edits.try_save(counter_for(req, ctx, caller));
  if (wait.count() > 0) {
    return engine::make_error(engine::ErrorCode::rate_limited, "edit-error-rate-limited",
                              {{"seconds", static_cast<std::int64_t>(wait.count())}});
  }
  return engine::Ok{};
}

}  // namespace kidwiki::web

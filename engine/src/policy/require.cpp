#include "policy/require.h"

namespace kidwiki::engine::policy {

Error blocked(const Actor& actor) {
  const Block& block = *actor.block();
  if (!block.expires_at) {
    return make_error(ErrorCode::forbidden, "edit-error-blocked", {{"reason", block.reason}});
  }
  return make_error(ErrorCode::forbidden, "edit-error-blocked-until",
                    {{"reason", block.reason}, {"until", *block.expires_at}});
}

Status require(const Actor& actor, Action action) {
  if (actor.may(action)) return Ok{};
  if (!actor.logged_in() && !actor.is_console()) {
    return make_error(ErrorCode::not_logged_in, "access-error-login");
  }
  if (actor.block() && allowed(actor.who(), action)) return blocked(actor);
  return make_error(ErrorCode::forbidden, "access-error-forbidden");
}

}  // namespace kidwiki::engine::policy

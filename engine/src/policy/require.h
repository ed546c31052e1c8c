// The refusal for an actor lacking a right, the same for every engine call: a reader is asked to
// log in (not_logged_in), a blocked account is told about its block, any other account is
// forbidden.
#pragma once

#include "engine/actor.h"
#include "engine/result.h"

namespace kidwiki::engine::policy {

// Ok when `actor.may(action)`, else the refusal above.
Status require(const Actor& actor, Action action);

// The refusal for `actor`'s block ("edit-error-blocked", or "edit-error-blocked-until" with arg
// "until"), with the block's reason in arg "reason". Precondition: actor.block().
Error blocked(const Actor& actor);

}  // namespace kidwiki::engine::policy

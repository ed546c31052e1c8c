// The account a path names, for the routes that show one (Special:Contributions and its API):
// its id in digits, or its name as Urls::contributions writes it (percent-decoded by the router).
#pragma once

#include <string>

#include "engine/actor.h"
#include "engine/result.h"
#include "engine/user.h"
#include "http/web_context.h"

namespace kidwiki::web {

// Digits are an id; anything else is a name, then, when no account has it, the same name with
// "_" read as spaces (an address typed as MediaWiki writes it: "Mme_Martin"). not_found
// "moderation-error-user-not-found" when neither names an account.
engine::Result<engine::User> account_from_path(WebContext& ctx, const engine::Actor& actor,
                                               const std::string& raw);

}  // namespace kidwiki::web

// Before a page changes (save, revert, move; JSON or form): the engine's answer to whether the
// caller may change it, then the save limits per account and per class (edit_rate_limit.h), which
// are the web layer's. Refusals are engine Errors, like a save's own, so that a form shows them
// with the user's text still in it: not_logged_in (401), forbidden (403), rate_limited (429, arg
// "seconds").
#pragma once

#include <httplib.h>

#include "http/access.h"
#include "engine/wiki.h"
#include "http/web_context.h"

namespace kidwiki::web {

// `move` for renames. Counts the attempt against the caller's rate limits when it is allowed.
engine::Status authorize_edit(const httplib::Request& req, WebContext& ctx, const Caller& caller,
                              const engine::Edition& ed, const engine::Title& title,
                              bool move = false);

}  // namespace kidwiki::web

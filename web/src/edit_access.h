// Whether the caller may change a page now, and the Editor its revision records. One function
// for every way of changing a page (save, revert, move; JSON or form), so the rules are the same
// everywhere:
// - a reader edits only where the edition allows anonymous editing, always pending review;
// - a pupil who is not trusted is pending review when their class requires it (the default);
// - a blocked account, a protected page, or a role without the right is refused;
// - saves are rate-limited per account and per class (see edit_rate_limit.h).
// Refusals are engine Errors, like a save's own, so that a form shows them with the user's text
// still in it: not_logged_in (401), forbidden (403), rate_limited (429, arg "seconds").
#pragma once

#include <httplib.h>

#include "access.h"
#include "engine/permissions.h"
#include "engine/wiki.h"
#include "web_context.h"

namespace kidwiki::web {

// `action` is Action::edit for saves and reverts, Action::move_page for moves. Counts the
// attempt against the caller's rate limits when it is allowed.
engine::Result<engine::Editor> authorize_edit(const httplib::Request& req, WebContext& ctx,
                                              const Caller& caller, const engine::Edition& ed,
                                              const engine::Title& title,
                                              engine::Action action = engine::Action::edit);

// The same checks without counting, for showing an edit form: the form of a blocked pupil says so
// before they write anything.
engine::Status may_edit(WebContext& ctx, const Caller& caller, const engine::Edition& ed,
                        const engine::Title& title, engine::Action action = engine::Action::edit);

}  // namespace kidwiki::web

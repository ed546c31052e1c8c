// The login and logout pages of the HTML interface (registered by routes.cpp).
#pragma once

#include <httplib.h>

#include "engine/wiki.h"
#include "http/web_context.h"
#include "http/call.h"

namespace kidwiki::web {

// GET /{lang}/special/login?returnto=/path: the form (name, password, where to go back to).
void html_login_form(const Call& call);

// POST /{lang}/special/login: 303 to the return path with the session cookie; else the form
// again with the message and the name (never the password): 401, 403 disabled, 429 throttled.
void html_login_submit(const Call& call);

// POST /{lang}/special/logout with wpCsrf: ends the session and answers 303 to the main page;
// a wrong token answers 403 and the session stays.
void html_logout_submit(const Call& call);

}  // namespace kidwiki::web

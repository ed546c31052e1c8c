// The JSON API's login routes: start a session, end it, and say who is logged in.
#pragma once

#include <httplib.h>

#include "http/web_context.h"
#include "http/call.h"

namespace kidwiki::web {

// POST /api/v1/session {username, password}: 200 {csrf_token, expires_at, user} and the session
// cookie; 400 bad body; 401 login_failed; 403 account_disabled; 429 throttled with Retry-After.
void api_session_start(const Call& call);

// DELETE /api/v1/session: 204 and a cookie that expires. With a session, the X-CSRF-Token header
// must carry its token (else 403 csrf, and the session stays); without one, 204 anyway.
void api_session_end(const Call& call);

// POST /api/v1/session/renew: the session's expiry moved to session_hours from now, and its
// cookie sent again; 401 when the session has ended.
void api_session_renew(const Call& call);

// GET /api/v1/me: 200 {user, csrf_token, expires_at} with a session; 401 not_logged_in without.
void api_me(const Call& call);

}  // namespace kidwiki::web

// Who is asking, and whether they may. Every handler that needs a logged-in user or a role asks
// here; the table of what each role may do is engine/permissions.h.
//
// CSRF: the router checks every POST, PUT, PATCH and DELETE that carries a session cookie before
// any handler runs (csrf_gate): the token must come in the X-CSRF-Token header (API) or the wpCsrf
// field of the request body (HTML forms; never the URL's query); otherwise 403 and nothing changes. A request without a session has no
// ambient authority to abuse, so it passes the gate and the handler decides (usually 401).
#pragma once

#include <optional>
#include <string>

#include <httplib.h>

#include "engine/accounts.h"
#include "engine/permissions.h"
#include "engine/wiki.h"
#include "http/web_context.h"

namespace kidwiki::web {

// Who sent a request: its session, and the engine's actor for it (a reader without one). The
// engine decides what the actor may see and do; `may` asks it, for choosing what to show.
struct Caller {
  Caller(std::optional<engine::SessionInfo> s)
      : session(std::move(s)), actor(session ? session->actor : engine::Actor::reader()) {}

  std::optional<engine::SessionInfo> session;  // empty: a reader who is not logged in
  engine::Actor actor;

  bool logged_in() const { return session.has_value(); }
  std::optional<engine::User> user() const { return actor.user(); }
  bool may(engine::Action action) const { return actor.may(action); }
  std::optional<std::int64_t> user_id() const { return actor.id(); }
};

// The address that per-address limits count for `req`: the TCP peer's, or, when
// options.trust_proxy_header is set and the peer is loopback (the local reverse proxy), that
// header's value (the last of a comma-separated list: the one the proxy added). Kept in memory
// only, by the limits that use it.
std::string client_address(const httplib::Request& req, const ServerOptions& options);

// The caller of `req`, from its session cookie.
Caller caller_of(const httplib::Request& req, WebContext& ctx);

// True when `req` may go on: it carries no valid session, or the session's CSRF token. The two
// login routes, exactly POST /api/v1/session and POST /{edition}/special/login, are not gated (a
// stale session must not stop a fresh login).
bool csrf_gate_passes(const httplib::Request& req, WebContext& ctx);

// Answers 403 csrf: JSON under /api/, an HTML page elsewhere.
void send_csrf_refusal(const httplib::Request& req, httplib::Response& res, WebContext& ctx);

// The caller when the engine says they may do `action`. Otherwise answers and returns empty: 401
// not_logged_in for a reader (the HTML interface sends a GET to the login page, then back), 403
// forbidden for a logged-in user without the right (or blocked). JSON under /api/, an HTML page
// elsewhere. The engine checks again in the call that acts: this only answers early.
std::optional<Caller> require(const httplib::Request& req, httplib::Response& res,
                              WebContext& ctx, engine::Action action);

// Answers 401 or 403 for `caller` lacking a right, as `require` does.
void send_not_allowed(const httplib::Request& req, httplib::Response& res, WebContext& ctx,
                      const Caller& caller);

}  // namespace kidwiki::web

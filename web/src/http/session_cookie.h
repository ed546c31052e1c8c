// The session cookie: reading it from a request, and the Set-Cookie values that start and end it.
//
// The cookie is HttpOnly (scripts never see it), SameSite=Lax (other sites' forms do not carry
// it) and Path=/; it is also Secure when the request came through a TLS proxy that says so with
// "X-Forwarded-Proto: https" (docs/deploy.md). Its value is the engine's session token, which
// the database keeps only as a hash.
#pragma once

#include <httplib.h>

#include <ctime>
#include <optional>
#include <string>
#include <string_view>

#include "engine/accounts.h"
#include "http/web_context.h"

namespace kidwiki::web {

inline constexpr std::string_view kSessionCookie = "kidwiki_session";

// The value of the first kidwiki_session cookie in the request's Cookie headers; empty if none.
std::string session_token(const httplib::Request& req);

// The session the request's cookie opens; empty without a cookie, or for an unknown, expired or
// disabled session.
std::optional<engine::SessionInfo> current_session(const httplib::Request& req, WebContext& ctx);

// Seconds from `now` until `expires_at` (ISO 8601 UTC, "2026-11-29T16:05:00Z"); 0 when past or
// unreadable.
long seconds_until(std::string_view expires_at, std::time_t now);

// The Set-Cookie value that gives the browser `session`'s token until it expires.
std::string session_set_cookie(const httplib::Request& req, const engine::NewSession& session);
// The Set-Cookie value that makes the browser forget its session cookie.
std::string logout_set_cookie(const httplib::Request& req);

// The device cookie: a random id a browser keeps for a year, so that failed logins are counted
// per browser and a pupil's own browser is recognised (web/login_throttle.h). It says nothing
// about the person and is never stored on the server beyond the throttle's memory.
inline constexpr std::string_view kDeviceCookie = "kidwiki_device";
// The request's device id: 32 lower-case hex digits, else empty (absent or malformed).
std::string device_id(const httplib::Request& req);
// A new random device id.
std::string new_device_id();
// The Set-Cookie value that gives the browser `id` for a year.
std::string device_set_cookie(const httplib::Request& req, const std::string& id);

// True when `given` is the session's CSRF token (compared in constant time).
bool csrf_matches(const engine::SessionInfo& session, std::string_view given);

}  // namespace kidwiki::web

// One login attempt, as both the HTML form and the JSON API make it: throttled (see
// web/login_throttle.h), checked by the engine, and turned into a session.
#pragma once

#include <httplib.h>

#include <optional>
#include <string>
#include <string_view>

#include "engine/accounts.h"
#include "i18n/messages.h"
#include "http/web_context.h"

namespace kidwiki::web {

struct LoginOutcome {
  std::optional<engine::NewSession> session;  // set on success
  int status = 200;  // else 401 (wrong name or password), 403 (disabled, cross-site), 429, 500
  // "login_failed", "account_disabled", "cross_site", "throttled", "storage"
  std::string code;
  std::string message_id;  // for the person, with `args`
  i18n::MessageArgs args;
  long retry_after = 0;  // seconds to wait, with 429
  // A Set-Cookie value giving the browser its device id, when it came without one: answered
  // whatever the outcome, so that its next failures count against this browser alone.
  std::string device_cookie;
};

// The name as the throttle counts it: "Léa" and "LÉA" are one account; a name that could
// never exist is still counted under its own spelling.
std::string login_account_key(std::string_view name);

// Tries `name` and `password` from the request's client address. A wrong name and a wrong
// password give the same outcome. Never logs the password.
LoginOutcome attempt_login(const httplib::Request& req, WebContext& ctx, std::string_view name,
                           std::string_view password);

// Answers a successful `outcome`'s cookies (the session's, then the device's) and no-store on
// `res`. Precondition: outcome.session.
void set_session_cookie(const httplib::Request& req, httplib::Response& res,
                        const LoginOutcome& outcome);
// Answers the device cookie of a failed `outcome` that has one.
void set_device_cookie(httplib::Response& res, const LoginOutcome& outcome);

}  // namespace kidwiki::web

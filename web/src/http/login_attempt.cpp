#include "http/login_attempt.h"

#include "http/access.h"
#include "http/same_origin.h"
#include "i18n/username.h"
#include "http/session_cookie.h"

namespace kidwiki::web {
namespace {

LoginOutcome refused(int status, std::string code, std::string message_id,
                     i18n::MessageArgs args = {}) {
  LoginOutcome out;
  out.status = status;
  out.code = std::move(code);
  out.message_id = std::move(message_id);
  out.args = std::move(args);
  return out;
}

LoginOutcome throttled(std::chrono::seconds wait) {
  const long seconds = static_cast<long>(wait.count());
  // Whole minutes read better for a child; round up so the wait is never longer than said.
  LoginOutcome out = refused(429, "throttled", "login-error-throttled",
                             {{"minutes", static_cast<std::int64_t>((seconds + 59) / 60)}});
  out.retry_after = seconds;
  return out;
}

// `device` is the request's device id ("" without one: failures then count against the address);
// `keeps` the id the browser holds after this answer, which a success makes known to the account.
LoginOutcome check_login(const httplib::Request& req, WebContext& ctx, std::string_view name,
                         std::string_view password, const std::string& device,
                         const std::string& keeps) {
  if (!is_same_origin(req.get_header_value("Origin"), req.get_header_value("Referer"),
                      req.get_header_value("Host"))) {
    return refused(403, "cross_site", "login-error-cross-site", {});
  }
  const std::string account = login_account_key(name);
  const std::string address = client_address(req, ctx.options);
  const LoginSource source{address, device};
  const auto wait = ctx.logins.wait_before(account, source);
  if (wait.count() > 0) return throttled(wait);
  auto user = ctx.wiki.accounts().authenticate(name, password);
  if (!user) {
    if (user.error().code == engine::ErrorCode::not_found) {
      ctx.logins.record_failure(account, source);
      return refused(401, "login_failed", user.error().message_id, user.error().args);
    }
    if (user.error().code == engine::ErrorCode::invalid_input) {
      return refused(403, "account_disabled", user.error().message_id, user.error().args);
    }
    return refused(500, "storage", user.error().message_id, user.error().args);
  }
  ctx.logins.record_success(account, LoginSource{address, keeps});
  auto session = ctx.wiki.accounts().start_session(user.value());
  if (!session) return refused(500, "storage", session.error().message_id, session.error().args);
  LoginOutcome out;
  out.session = std::move(session.value());
  return out;
}

}  // namespace

std::string login_account_key(std::string_view name) {
  auto check = i18n::check_username(name);
  return check.key.empty() ? std::string(name) : check.key;
}

LoginOutcome attempt_login(const httplib::Request& req, WebContext& ctx, std::string_view name,
                           std::string_view password) {
  const std::string device = device_id(req);
  const std::string new_device = device.empty() ? new_device_id() : "";
  LoginOutcome out =
      check_login(req, ctx, name, password, device, device.empty() ? new_device : device);
  // A refused cross-site request was no attempt: another site must not plant even this cookie.
  if (!new_device.empty() && out.code != "cross_site") {
    out.device_cookie = device_set_cookie(req, new_device);
  }
  return out;
}

void set_device_cookie(httplib::Response& res, const LoginOutcome& outcome) {
  if (!outcome.device_cookie.empty()) res.headers.emplace("Set-Cookie", outcome.device_cookie);
}

void set_session_cookie(const httplib::Request& req, httplib::Response& res,
                        const LoginOutcome& outcome) {
  res.set_header("Set-Cookie", session_set_cookie(req, *outcome.session));
  set_device_cookie(res, outcome);  // after the session's, which clients look for first
  res.set_header("Cache-Control", "no-store");
}

}  // namespace kidwiki::web


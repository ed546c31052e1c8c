#include "api/api_session.h"
#include "http/call.h"

#include "api/api_response.h"
#include "http/error_status.h"
#include "http/json_body.h"
#include "http/login_attempt.h"
#include "http/request_language.h"
#include "http/session_cookie.h"

namespace kidwiki::web {
namespace {

using nlohmann::json;

// {id, name, role, trusted}: what a client needs to greet the user and choose what to show.
json user_json(const engine::User& user) {
  return {{"id", user.id},
          {"name", user.name},
          {"role", std::string(engine::role_name(user.role))},
          {"trusted", user.trusted}};
}

void send_error(const httplib::Request& req, httplib::Response& res, int status,
                std::string_view code, std::string_view message_id,
                const i18n::MessageArgs& args = {}) {
  const std::string lang = interface_language(req, nullptr);
  send_json_error(res, status, code, i18n::Messages::builtin().format(lang, message_id, args));
}

}  // namespace

void api_session_start(const Call& call) {
  const httplib::Request& req = call.req;
  httplib::Response& res = call.res;
  WebContext& ctx = call.web;
  res.set_header("Cache-Control", "no-store");
  auto body = parse_json_object(req);
  if (!body) return send_api_error(req, res, body.error(), nullptr);
  auto name = string_field(body.value(), "username");
  if (!name) return send_api_error(req, res, name.error(), nullptr);
  auto password = string_field(body.value(), "password");
  if (!password) return send_api_error(req, res, password.error(), nullptr);
  const LoginOutcome outcome = attempt_login(req, ctx, name.value(), password.value());
  if (!outcome.session) {
    set_device_cookie(res, outcome);
    if (outcome.status == 429) res.set_header("Retry-After", std::to_string(outcome.retry_after));
    return send_error(req, res, outcome.status, outcome.code, outcome.message_id, outcome.args);
  }
  set_session_cookie(req, res, outcome);
  const engine::NewSession& session = *outcome.session;
  send_json(res, 200,
            {{"csrf_token", session.csrf_token},
             {"expires_at", session.expires_at},
             {"user", user_json(session.user)}});
}

void api_session_end(const Call& call) {
  const httplib::Request& req = call.req;
  httplib::Response& res = call.res;
  WebContext& ctx = call.web;
  res.set_header("Cache-Control", "no-store");
  // The router's CSRF gate (access.h) has checked the token of any session.
  if (current_session(req, ctx)) ctx.wiki.accounts().end_session(session_token(req));
  res.set_header("Set-Cookie", logout_set_cookie(req));
  res.status = 204;
}

// The editor asks while its writer types, so that a long edit never meets an expired session.
void api_session_renew(const Call& call) {
  const httplib::Request& req = call.req;
  httplib::Response& res = call.res;
  res.set_header("Cache-Control", "no-store");
  // The router's CSRF gate (access.h) has checked the token of any session.
  const std::string token = session_token(req);
  auto session = call.web.wiki.accounts().renew_session(token);
  if (!session) return send_error(req, res, 401, "not_logged_in", "login-error-not-logged-in");
  res.set_header("Set-Cookie", session_set_cookie(req, {token, session->csrf_token,
                                                        session->expires_at, session->user()}));
  send_json(res, 200, {{"expires_at", session->expires_at}});
}

void api_me(const Call& call) {
  const httplib::Request& req = call.req;
  httplib::Response& res = call.res;
  WebContext& ctx = call.web;
  res.set_header("Cache-Control", "no-store");
  auto session = current_session(req, ctx);
  if (!session) return send_error(req, res, 401, "not_logged_in", "login-error-not-logged-in");
  send_json(res, 200,
            {{"user", user_json(session->user())},
             {"csrf_token", session->csrf_token},
             {"expires_at", session->expires_at}});
}

}  // namespace kidwiki::web

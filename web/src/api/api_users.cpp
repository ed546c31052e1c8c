#include "api/api_users.h"
#include "http/call.h"

#include "http/access.h"
#include "api/api_response.h"
#include "http/json_body.h"
#include "http/query_params.h"

namespace kidwiki::web {
namespace {

using nlohmann::json;

// "teacher", "moderator" or "admin"; a pupil belongs to a class and is made there.
engine::Result<engine::Role> staff_role(const json& body) {
  auto name = string_field(body, "role");
  if (!name) return name.error();
  auto role = engine::role_from_name(name.value());
  if (!role || *role == engine::Role::pupil) {
    return engine::make_error(engine::ErrorCode::invalid_input, "error-role-invalid");
  }
  return *role;
}

json staff_json(const engine::User& u) {
  return {{"id", u.id},
          {"username", u.name},
          {"role", std::string(engine::role_name(u.role))},
          {"disabled", u.disabled}};
}

// The staff account after a change, as the engine shows it to the admin.
void send_account(const httplib::Request& req, httplib::Response& res, WebContext& ctx,
                  const Caller& caller, std::int64_t id) {
  auto user = ctx.wiki.accounts().user(caller.actor, id);
  if (!user) {
    return send_api_error(
        req, res, engine::make_error(engine::ErrorCode::not_found, "accounts-error-no-staff"),
        nullptr);
  }
  send_json(res, 200, staff_json(*user));
}

}  // namespace

void api_users_create(const Call& call) {
  const httplib::Request& req = call.req;
  httplib::Response& res = call.res;
  WebContext& ctx = call.web;
  res.set_header("Cache-Control", "no-store");
  auto caller = require(req, res, ctx, engine::Action::manage_accounts);
  if (!caller) return;
  auto body = parse_json_object(req);
  if (!body) return send_api_error(req, res, body.error(), nullptr);
  auto name = string_field(body.value(), "username");
  if (!name) return send_api_error(req, res, name.error(), nullptr);
  auto role = staff_role(body.value());
  if (!role) return send_api_error(req, res, role.error(), nullptr);
  std::optional<std::string> password;
  if (body->contains("password")) {
    auto given = string_field(body.value(), "password");
    if (!given) return send_api_error(req, res, given.error(), nullptr);
    password = given.value();
  }
  auto made = ctx.wiki.accounts().create_staff(caller->actor, name.value(), role.value(), password);
  if (!made) return send_api_error(req, res, made.error(), nullptr);
  json out = {{"id", made->user.id},
              {"username", made->user.name},
              {"role", std::string(engine::role_name(made->user.role))}};
  if (!password) out["password"] = made->password;
  send_json(res, 201, out);
}

void api_users_list(const Call& call) {
  const httplib::Request& req = call.req;
  httplib::Response& res = call.res;
  WebContext& ctx = call.web;
  res.set_header("Cache-Control", "no-store");
  auto caller = require(req, res, ctx, engine::Action::manage_accounts);
  if (!caller) return;
  auto staff = ctx.wiki.accounts().list_staff(caller->actor);
  if (!staff) return send_api_error(req, res, staff.error(), nullptr);
  json users = json::array();
  for (const auto& u : staff.value()) users.push_back(staff_json(u));
  send_json(res, 200, {{"users", std::move(users)}});
}

void api_user_disabled(const Call& call) {
  const httplib::Request& req = call.req;
  httplib::Response& res = call.res;
  WebContext& ctx = call.web;
  const std::string& raw_id = call.param("id");
  auto caller = require(req, res, ctx, engine::Action::manage_accounts);
  if (!caller) return;
  auto id = path_id(raw_id);
  if (!id) return send_api_error(req, res, id.error(), nullptr);
  auto body = parse_json_object(req);
  if (!body) return send_api_error(req, res, body.error(), nullptr);
  auto disabled = bool_field(body.value(), "disabled");
  if (!disabled) return send_api_error(req, res, disabled.error(), nullptr);
  auto done = ctx.wiki.accounts().set_staff_disabled(caller->actor, id.value(), disabled.value());
  if (!done) return send_api_error(req, res, done.error(), nullptr);
  send_account(req, res, ctx, *caller, id.value());
}

void api_user_role(const Call& call) {
  const httplib::Request& req = call.req;
  httplib::Response& res = call.res;
  WebContext& ctx = call.web;
  const std::string& raw_id = call.param("id");
  auto caller = require(req, res, ctx, engine::Action::manage_accounts);
  if (!caller) return;
  auto id = path_id(raw_id);
  if (!id) return send_api_error(req, res, id.error(), nullptr);
  auto body = parse_json_object(req);
  if (!body) return send_api_error(req, res, body.error(), nullptr);
  auto role = staff_role(body.value());
  if (!role) return send_api_error(req, res, role.error(), nullptr);
  auto done = ctx.wiki.accounts().set_staff_role(caller->actor, id.value(), role.value());
  if (!done) return send_api_error(req, res, done.error(), nullptr);
  send_account(req, res, ctx, *caller, id.value());
}

void api_user_password(const Call& call) {
  const httplib::Request& req = call.req;
  httplib::Response& res = call.res;
  WebContext& ctx = call.web;
  const std::string& raw_id = call.param("id");
  res.set_header("Cache-Control", "no-store");
  auto caller = require(req, res, ctx, engine::Action::manage_accounts);
  if (!caller) return;
  auto id = path_id(raw_id);
  if (!id) return send_api_error(req, res, id.error(), nullptr);
  auto reset = ctx.wiki.accounts().reset_staff_password(caller->actor, id.value());
  if (!reset) return send_api_error(req, res, reset.error(), nullptr);
  send_json(res, 200, {{"id", reset->user.id},
                       {"username", reset->user.name},
                       {"password", reset->password}});
}

}  // namespace kidwiki::web

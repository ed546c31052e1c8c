#include "api_users.h"

#include "access.h"
#include "api_response.h"
#include "json_body.h"

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

}  // namespace

void api_users_create(const httplib::Request& req, httplib::Response& res, WebContext& ctx) {
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
  auto made = ctx.wiki.classes().create_staff(*caller->user_id(), name.value(), role.value(),
                                              password);
  if (!made) return send_api_error(req, res, made.error(), nullptr);
  json out = {{"id", made->user.id},
              {"username", made->user.name},
              {"role", std::string(engine::role_name(made->user.role))}};
  if (!password) out["password"] = made->password;
  send_json(res, 201, out);
}

}  // namespace kidwiki::web

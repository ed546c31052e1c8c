// Staff accounts: an admin creates a teacher, a moderator or another admin, and manages every staff
// account: switch it off (its sessions end at once) or on again, change its role, give it a new
// password. A generated password is shown once, on the answer to the POST, which is never
// cached. The engine decides (an admin's own account and the last active admin are refused).
#include "http/access.h"
#include "http/call.h"
#include "http/error_status.h"
#include "html/classes/html_classes.h"
#include "http/form_fields.h"
#include "html/page/html_layout.h"
#include "html/page/html_pages.h"
#include "html/page/html_urls.h"
#include "http/query_params.h"

namespace kidwiki::web {
namespace {

constexpr engine::Role kStaffRoles[] = {engine::Role::teacher, engine::Role::moderator,
                                        engine::Role::admin};

struct UserForm {
  std::string name;
  std::string role = "teacher";
  std::optional<engine::Credentials> created;  // a new account, or a new password
  bool password_reset = false;                 // `created` holds a new password, not an account
  std::optional<std::string> error_message;
  std::optional<std::string> done;             // a change just made, already in ui_lang
};

std::vector<TemplateData> role_choices(const HtmlContext& ctx, const std::string& chosen) {
  std::vector<TemplateData> items;
  for (auto role : kStaffRoles) {
    const std::string name(engine::role_name(role));
    items.push_back(TemplateData()
                        .set("value", name)
                        .set("label", ctx.msg("classes-role-" + name))
                        .set("selected", name == chosen));
  }
  return items;
}

std::string role_label(const HtmlContext& ctx, engine::Role role) {
  return ctx.msg("classes-role-" + std::string(engine::role_name(role)));
}

// One row of the staff list, with its buttons.
TemplateData account_item(const HtmlContext& ctx, const engine::User& u) {
  return TemplateData()
      .set("id", u.id)
      .set("name", u.name)
      .set("role", role_label(ctx, u.role))
      .set("disabled", u.disabled)
      .set("is_self", ctx.actor.id() == u.id)
      .set("roles", role_choices(ctx, std::string(engine::role_name(u.role))))
      .set("action_url", Urls(ctx.ed(), ctx.uselang).special("user", "", std::to_string(u.id)));
}

std::vector<TemplateData> staff_items(const HtmlContext& ctx) {
  std::vector<TemplateData> items;
  auto staff = ctx.wiki().accounts().list_staff(ctx.actor);
  if (!staff) return items;
  for (const auto& u : staff.value()) items.push_back(account_item(ctx, u));
  return items;
}

TemplateData created_data(const HtmlContext& ctx, const UserForm& form) {
  const auto& user = form.created->user;
  const std::string text =
      form.password_reset
          ? ctx.msg("classes-users-password-reset", {{"name", user.name}})
          : ctx.msg("classes-users-created", {{"name", user.name}, {"role", role_label(ctx, user.role)}});
  return TemplateData()
      .set("text", text)
      .set("username", user.name)
      .set("has_password", !form.created->password.empty())
      .set("password", form.created->password);
}

void send_users_page(httplib::Response& res, const HtmlContext& ctx, const UserForm& form,
                     int status) {
  TemplateData data;
  auto staff = staff_items(ctx);
  data.set("has_staff", !staff.empty())
      .set("staff", std::move(staff))
      .set("csrf_token", ctx.session->csrf_token)
      .set("has_done", form.done.has_value())
      .set("done_text", form.done.value_or(""));
  data.set("form_url", Urls(ctx.ed(), ctx.uselang).special("users"))
      .set("csrf_token", ctx.session->csrf_token)
      .set("name", form.created ? "" : form.name)
      .set("roles", role_choices(ctx, form.role))
      .set("has_error", form.error_message.has_value())
      .set("error_message", form.error_message.value_or(""));
  if (form.created) data.set("created", created_data(ctx, form));
  Chrome chrome;
  chrome.heading = ctx.msg("classes-users-heading");
  chrome.noindex = true;
  res.set_header("Cache-Control", "no-store");
  send_html(res, ctx, chrome, "users", std::move(data), status);
}

}  // namespace

void html_users_page(const Call& call) {
  const httplib::Request& req = call.req;
  httplib::Response& res = call.res;
  WebContext& web = call.web;
  const engine::Edition& edition = call.ed();
  auto caller = require(req, res, web, engine::Action::manage_accounts);
  if (!caller) return;
  const HtmlContext ctx = make_html_context(req, web, &edition);
  UserForm form;
  if (req.get_param_value("done") == "1") form.done = ctx.msg("classes-users-changed");
  send_users_page(res, ctx, form, 200);
}

void html_users_submit(const Call& call) {
  const httplib::Request& req = call.req;
  httplib::Response& res = call.res;
  WebContext& web = call.web;
  const engine::Edition& edition = call.ed();
  auto caller = require(req, res, web, engine::Action::manage_accounts);
  if (!caller) return;
  const HtmlContext ctx = make_html_context(req, web, &edition);
  UserForm form;
  form.name = form_field(req, "wpName");
  form.role = form_field(req, "wpRole");
  const std::string password = form_field(req, "wpPassword");
  const auto role = engine::role_from_name(form.role);
  auto made = role ? web.wiki.accounts().create_staff(
                         caller->actor, form.name, *role,
                         password.empty() ? std::nullopt : std::optional<std::string>(password))
                   : engine::Result<engine::Credentials>(
                         engine::make_error(engine::ErrorCode::invalid_input, "error-role-invalid"));
  if (!made) {
    form.error_message = ctx.msg(made.error().message_id, made.error().args);
    return send_users_page(res, ctx, form, http_status(made.error().code));
  }
  form.created = made.value();
  send_users_page(res, ctx, form, 200);
}

void html_user_submit(const Call& call) {
  const httplib::Request& req = call.req;
  httplib::Response& res = call.res;
  WebContext& web = call.web;
  const engine::Edition& edition = call.ed();
  const std::string& raw_id = call.param("id");
  auto caller = require(req, res, web, engine::Action::manage_accounts);
  if (!caller) return;
  const HtmlContext ctx = make_html_context(req, web, &edition);
  auto id = path_id(raw_id);
  if (!id) return send_engine_error(res, ctx, id.error());
  auto& accounts = web.wiki.accounts();
  const std::string action = form_field(req, "wpAction");
  UserForm form;
  engine::Status done = engine::make_error(engine::ErrorCode::invalid_input, "classes-error-action");
  if (action == "disable" || action == "enable") {
    done = accounts.set_staff_disabled(caller->actor, id.value(), action == "disable");
  } else if (action == "role") {
    const auto role = engine::role_from_name(form_field(req, "wpRole"));
    done = role ? accounts.set_staff_role(caller->actor, id.value(), *role)
                : engine::Status(engine::make_error(engine::ErrorCode::invalid_input,
                                                    "error-role-invalid"));
  } else if (action == "password") {
    auto reset = accounts.reset_staff_password(caller->actor, id.value());
    if (reset) {
      form.created = reset.value();
      form.password_reset = true;
      return send_users_page(res, ctx, form, 200);
    }
    done = reset.error();
  }
  if (done) return see_other(res, Urls(edition, ctx.uselang).special("users", "done=1"));
  form.error_message = ctx.msg(done.error().message_id, done.error().args);
  send_users_page(res, ctx, form, http_status(done.error().code));
}

}  // namespace kidwiki::web

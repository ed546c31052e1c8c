// Staff accounts: an admin creates a teacher, a moderator or another admin. A generated password
// is shown once, on the answer to the POST, which is never cached.
#include "access.h"
#include "error_status.h"
#include "html_classes.h"
#include "html_form.h"
#include "html_layout.h"
#include "html_urls.h"

namespace kidwiki::web {
namespace {

constexpr engine::Role kStaffRoles[] = {engine::Role::teacher, engine::Role::moderator,
                                        engine::Role::admin};

struct UserForm {
  std::string name;
  std::string role = "teacher";
  std::optional<engine::PupilCredentials> created;
  std::optional<std::string> error_message;
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

void send_users_page(httplib::Response& res, const HtmlContext& ctx, const UserForm& form,
                     int status) {
  TemplateData data;
  data.set("form_url", Urls(ctx.ed(), ctx.uselang).special("users"))
      .set("csrf_token", ctx.session->csrf_token)
      .set("name", form.created ? "" : form.name)
      .set("roles", role_choices(ctx, form.role))
      .set("has_error", form.error_message.has_value())
      .set("error_message", form.error_message.value_or(""));
  if (form.created) {
    const auto& user = form.created->user;
    data.set("created", TemplateData()
                            .set("text", ctx.msg("classes-users-created",
                                                 {{"name", user.name},
                                                  {"role", ctx.msg("classes-role-" +
                                                                   std::string(engine::role_name(user.role)))}}))
                            .set("username", user.name)
                            .set("has_password", !form.created->password.empty())
                            .set("password", form.created->password));
  }
  Chrome chrome;
  chrome.heading = ctx.msg("classes-users-heading");
  chrome.noindex = true;
  res.set_header("Cache-Control", "no-store");
  send_html(res, ctx, chrome, "users", std::move(data), status);
}

}  // namespace

void html_users_page(const httplib::Request& req, httplib::Response& res, WebContext& web,
                     const engine::Edition& edition) {
  auto caller = require(req, res, web, engine::Action::manage_accounts);
  if (!caller) return;
  const HtmlContext ctx = make_html_context(req, web, &edition);
  send_users_page(res, ctx, UserForm{}, 200);
}

void html_users_submit(const httplib::Request& req, httplib::Response& res, WebContext& web,
                       const engine::Edition& edition) {
  auto caller = require(req, res, web, engine::Action::manage_accounts);
  if (!caller) return;
  const HtmlContext ctx = make_html_context(req, web, &edition);
  UserForm form;
  form.name = form_field(req, "wpName");
  form.role = form_field(req, "wpRole");
  const std::string password = form_field(req, "wpPassword");
  const auto role = engine::role_from_name(form.role);
  auto made = role ? web.wiki.classes().create_staff(
                         *caller->user_id(), form.name, *role,
                         password.empty() ? std::nullopt : std::optional<std::string>(password))
                   : engine::Result<engine::PupilCredentials>(
                         engine::make_error(engine::ErrorCode::invalid_input, "error-role-invalid"));
  if (!made) {
    form.error_message = ctx.msg(made.error().message_id, made.error().args);
    return send_users_page(res, ctx, form, http_status(made.error().code));
  }
  form.created = made.value();
  send_users_page(res, ctx, form, 200);
}

}  // namespace kidwiki::web

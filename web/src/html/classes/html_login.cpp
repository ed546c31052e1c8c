// The login form, its POST, and logout. Both POSTs answer 303 so that reloading the next page
// never sends a password or a logout again.
#include "html/classes/html_login.h"
#include "http/call.h"

#include "http/form_fields.h"
#include "html/page/html_layout.h"
#include "html/page/html_pages.h"
#include "html/page/html_urls.h"
#include "http/login_attempt.h"
#include "http/return_path.h"
#include "http/session_cookie.h"

namespace kidwiki::web {
namespace {

struct LoginForm {
  std::string name;
  std::string returnto;
  std::optional<std::string> error_message;
};

// The return path asked for, or the edition's main page when it is missing or could leave
// the site.
std::string return_path_of(const std::string& raw, const HtmlContext& ctx) {
  auto path = safe_return_path(raw);
  return path ? *path : Urls(ctx.ed(), ctx.uselang).main_page();
}

void send_login_form(httplib::Response& res, const HtmlContext& ctx, const LoginForm& form,
                     int status) {
  TemplateData data;
  data.set("form_url", Urls(ctx.ed(), ctx.uselang).special("login"))
      .set("returnto", form.returnto)
      .set("name", form.name)
      // A boolean: an empty string is not false in a template, so the cursor went to the
      // password box and children typed their name there.
      .set("name_empty", form.name.empty())
      .set("has_error", form.error_message.has_value())
      .set("error_message", form.error_message.value_or(""));
  Chrome chrome;
  chrome.heading = ctx.msg("login-heading");
  chrome.noindex = true;
  res.set_header("Cache-Control", "no-store");
  send_html(res, ctx, chrome, "login", std::move(data), status);
}

}  // namespace

void html_login_form(const Call& call) {
  const httplib::Request& req = call.req;
  httplib::Response& res = call.res;
  WebContext& web = call.web;
  const engine::Edition& edition = call.ed();
  const HtmlContext ctx = make_html_context(req, web, &edition);
  LoginForm form;
  form.returnto = return_path_of(req.get_param_value("returnto"), ctx);
  // The browser's device id from its first attempt on, so that every failure of this browser
  // counts against it alone (web/login_throttle.h).
  if (device_id(req).empty()) {
    res.headers.emplace("Set-Cookie", device_set_cookie(req, new_device_id()));
  }
  send_login_form(res, ctx, form, 200);
}

void html_login_submit(const Call& call) {
  const httplib::Request& req = call.req;
  httplib::Response& res = call.res;
  WebContext& web = call.web;
  const engine::Edition& edition = call.ed();
  const HtmlContext ctx = make_html_context(req, web, &edition);
  LoginForm form;
  form.name = form_field(req, "wpName");
  form.returnto = return_path_of(form_field(req, "returnto"), ctx);
  const LoginOutcome outcome = attempt_login(req, web, form.name, form_field(req, "wpPassword"));
  if (outcome.session) {
    set_session_cookie(req, res, outcome);
    return see_other(res, form.returnto);
  }
  set_device_cookie(res, outcome);
  if (outcome.status == 429) res.set_header("Retry-After", std::to_string(outcome.retry_after));
  form.error_message = ctx.msg(outcome.message_id, outcome.args);
  send_login_form(res, ctx, form, outcome.status);
}

void html_logout_submit(const Call& call) {
  const httplib::Request& req = call.req;
  httplib::Response& res = call.res;
  WebContext& web = call.web;
  const engine::Edition& edition = call.ed();
  const HtmlContext ctx = make_html_context(req, web, &edition);
  // The router's CSRF gate (access.h) has checked the token of any session.
  if (ctx.session) web.wiki.accounts().end_session(session_token(req));
  res.set_header("Set-Cookie", logout_set_cookie(req));
  res.set_header("Cache-Control", "no-store");
  see_other(res, Urls(edition, ctx.uselang).main_page());
}

}  // namespace kidwiki::web

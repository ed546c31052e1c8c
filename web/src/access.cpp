#include "access.h"

#include "error_status.h"
#include "html_context.h"
#include "html_form.h"
#include "html_layout.h"
#include "html_pages.h"
#include "html_urls.h"
#include "i18n/messages.h"
#include "request_language.h"
#include "routes.h"
#include "session_cookie.h"
#include "url_path.h"

namespace kidwiki::web {
namespace {

bool is_login_route(const httplib::Request& req) {
  if (req.path == "/api/v1/session" && req.method == "POST") return true;
  return req.path.ends_with("/special/login") && req.method == "POST";
}

// The edition named by the path's first segment ("/fr/..."), else the first edition: where the
// HTML interface's login page and messages live.
std::optional<engine::Edition> edition_of_path(const httplib::Request& req, WebContext& ctx) {
  std::string_view path = req.path;
  if (path.starts_with("/")) path.remove_prefix(1);
  if (auto edition = ctx.wiki.edition(path.substr(0, path.find('/')))) return edition;
  auto all = ctx.wiki.editions();
  if (all.empty()) return std::nullopt;
  return all.front();
}

void send_html_not_allowed(const httplib::Request& req, httplib::Response& res, WebContext& ctx,
                           const Caller& caller) {
  auto edition = edition_of_path(req, ctx);
  const HtmlContext html = make_html_context(req, ctx, edition ? &*edition : nullptr);
  if (!caller.logged_in() && req.method == "GET" && edition) {
    const std::string back = req.target;
    return see_other(res, Urls(*edition, html.uselang)
                              .special("login", "returnto=" + percent_encode(back)));
  }
  const int status = caller.logged_in() ? 403 : 401;
  send_html_error(res, html, status, html.msg("access-heading"),
                  html.msg(caller.logged_in() ? "access-error-forbidden" : "access-error-login"));
}

}  // namespace

std::optional<engine::User> Caller::user() const {
  if (!session) return std::nullopt;
  return session->user;
}

engine::Who Caller::who() const { return engine::who_is(user()); }

std::string Caller::author_name() const {
  return session ? session->user.name : engine::SaveRequest{}.author;
}

std::optional<std::int64_t> Caller::user_id() const {
  if (!session) return std::nullopt;
  return session->user.id;
}

Caller caller_of(const httplib::Request& req, WebContext& ctx) {
  return Caller{current_session(req, ctx)};
}

bool csrf_gate_passes(const httplib::Request& req, WebContext& ctx) {
  if (req.method == "GET" || req.method == "HEAD" || req.method == "OPTIONS") return true;
  if (is_login_route(req)) return true;
  auto session = current_session(req, ctx);
  if (!session) return true;
  if (req.has_header("X-CSRF-Token")) {
    return csrf_matches(*session, req.get_header_value("X-CSRF-Token"));
  }
  return csrf_matches(*session, form_field(req, "wpCsrf"));
}

void send_csrf_refusal(const httplib::Request& req, httplib::Response& res, WebContext& ctx) {
  if (is_api_path(req.target)) {
    const std::string lang = interface_language(req, nullptr);
    return send_json_error(res, 403, "csrf",
                           i18n::Messages::builtin().format(lang, "access-error-csrf"));
  }
  auto edition = edition_of_path(req, ctx);
  const HtmlContext html = make_html_context(req, ctx, edition ? &*edition : nullptr);
  send_html_error(res, html, 403, html.msg("access-heading"), html.msg("access-error-csrf"));
}

void send_not_allowed(const httplib::Request& req, httplib::Response& res, WebContext& ctx,
                      const Caller& caller) {
  if (!is_api_path(req.target)) return send_html_not_allowed(req, res, ctx, caller);
  const std::string lang = interface_language(req, nullptr);
  const auto& messages = i18n::Messages::builtin();
  if (caller.logged_in()) {
    send_json_error(res, 403, "forbidden", messages.format(lang, "access-error-forbidden"));
  } else {
    send_json_error(res, 401, "not_logged_in", messages.format(lang, "access-error-login"));
  }
}

std::optional<Caller> require(const httplib::Request& req, httplib::Response& res,
                              WebContext& ctx, engine::Action action) {
  Caller caller = caller_of(req, ctx);
  if (caller.may(action)) return caller;
  send_not_allowed(req, res, ctx, caller);
  return std::nullopt;
}

}  // namespace kidwiki::web

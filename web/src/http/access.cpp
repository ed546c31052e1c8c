#include "http/access.h"
#include "i18n/escape.h"

#include "http/error_status.h"
#include "html/page/html_context.h"
#include "http/form_fields.h"
#include "html/page/html_layout.h"
#include "html/page/html_pages.h"
#include "html/page/html_urls.h"
#include "i18n/messages.h"
#include "http/request_language.h"
#include "routes.h"
#include "http/session_cookie.h"
#include "http/url_path.h"

namespace kidwiki::web {
namespace {

// Exactly POST /api/v1/session and POST /{edition}/special/login, read from the raw target as the
// router reads it: a page titled ".../special/login" (/fr/wiki/Essai/special/login) is no login.
bool is_login_route(const httplib::Request& req) {
  if (req.method != "POST") return false;
  const std::string_view path = target_path(req.target);
  if (path == "/api/v1/session") return true;
  const auto segments = split_path(path);
  if (segments.size() != 3) return false;
  const auto edition = decode_path_segment(segments[0]);
  return edition && !edition->empty() && edition->find('/') == std::string::npos &&
         decode_path_segment(segments[1]) == "special" &&
         decode_path_segment(segments[2]) == "login";
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

bool is_loopback(std::string_view address) {
  return address.starts_with("127.") || address == "::1" || address.starts_with("::ffff:127.");
}

std::string_view trimmed(std::string_view text) {
  const auto first = text.find_first_not_of(" \t");
  if (first == std::string_view::npos) return {};
  return text.substr(first, text.find_last_not_of(" \t") + 1 - first);
}

void send_html_not_allowed(const httplib::Request& req, httplib::Response& res, WebContext& ctx,
                           const Caller& caller) {
  auto edition = edition_of_path(req, ctx);
  const HtmlContext html = make_html_context(req, ctx, edition ? &*edition : nullptr);
  if (!caller.logged_in() && req.method == "GET" && edition) {
    const std::string back = req.target;
    const std::string returnto = i18n::percent_encoded(back, i18n::UrlPart::component);
    return see_other(res, Urls(*edition, html.uselang).special("login", "returnto=" + returnto));
  }
  const int status = caller.logged_in() ? 403 : 401;
  send_html_error(res, html, status, html.msg("access-heading"),
                  html.msg(caller.logged_in() ? "access-error-forbidden" : "access-error-login"));
}

}  // namespace

std::string client_address(const httplib::Request& req, const ServerOptions& options) {
  // An address is short; anything longer is not one, and would only fill the limits' maps.
  constexpr std::size_t kLongestAddress = 64;
  const std::string& name = options.trust_proxy_header;
  if (name.empty() || !is_loopback(req.remote_addr) || !req.has_header(name)) {
    return req.remote_addr;
  }
  const std::string value = req.get_header_value(name);
  const std::size_t comma = value.rfind(',');
  const std::string_view last =
      trimmed(std::string_view(value).substr(comma == std::string::npos ? 0 : comma + 1));
  if (last.empty() || last.size() > kLongestAddress) return req.remote_addr;
  return std::string(last);
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
  // From the body only: a token in the URL would leak through Referer headers and server logs.
  return csrf_matches(*session, body_field(req, "wpCsrf"));
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

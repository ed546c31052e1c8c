#include "html/page/html_context.h"

#include "http/request_language.h"
#include "http/session_cookie.h"

namespace kidwiki::web {

std::string HtmlContext::msg(std::string_view id, const i18n::MessageArgs& args) const {
  return i18n::Messages::builtin().format(ui_lang, id, args);
}

std::pair<std::string, std::string> HtmlContext::msg_around(std::string_view id,
                                                           const std::string& arg,
                                                           i18n::MessageArgs args) const {
  // A private-use character cannot come from a catalog, so it marks the argument's place.
  const std::string marker = "\xEE\x80\x80";
  args.emplace_back(arg, marker);
  const std::string text = msg(id, args);
  const auto at = text.find(marker);
  if (at == std::string::npos) return {text, ""};
  return {text.substr(0, at), text.substr(at + marker.size())};
}

HtmlContext make_html_context(const httplib::Request& req, WebContext& web,
                              const engine::Edition* edition) {
  HtmlContext ctx{web, edition, page_language(req, edition), "", req.path, {}};
  // Only a uselang that was accepted is echoed into links: it is then a known language code,
  // safe to put in a URL as is.
  if (req.has_param("uselang") && req.get_param_value("uselang") == ctx.ui_lang) {
    ctx.uselang = ctx.ui_lang;
  }
  ctx.session = current_session(req, web);
  if (ctx.session) ctx.actor = ctx.session->actor;
  return ctx;
}

}  // namespace kidwiki::web

// GET /: to the main page of the edition the reader's browser asks for.
#include "html/page/html_handlers.h"
#include "http/call.h"
#include "html/page/html_urls.h"
#include "i18n/language.h"
#include "i18n/messages.h"

namespace kidwiki::web {

void html_root(const Call& call) {
  const httplib::Request& req = call.req;
  httplib::Response& res = call.res;
  WebContext& web = call.web;
  const auto editions = web.wiki.editions();
  if (editions.empty()) return html_not_found(req, res, web);
  std::vector<std::string> codes;
  for (const auto& edition : editions) codes.push_back(edition.lang);
  const auto best = i18n::best_accept_language(req.get_header_value("Accept-Language"), codes);
  const engine::Edition* chosen = &editions.front();
  for (const auto& edition : editions) {
    if (best && edition.lang == *best) chosen = &edition;
  }
  std::string uselang;
  if (req.has_param("uselang")) uselang = req.get_param_value("uselang");
  // An unchecked uselang would be echoed into the Location header: keep only known codes.
  if (!i18n::Messages::builtin().has_language(uselang) && uselang != i18n::kPseudoLanguage) {
    uselang.clear();
  }
  res.set_header("Vary", "Accept-Language");
  res.set_redirect(Urls(*chosen, uselang).main_page(), 302);
}

}  // namespace kidwiki::web

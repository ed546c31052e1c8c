// GET /: to the main page of the edition the reader's browser asks for.
#include "html/page/html_handlers.h"
#include "http/call.h"
#include "html/page/html_urls.h"
#include "i18n/language.h"
#include "i18n/messages.h"

namespace kidwiki::web {
namespace {

// The edition for this browser: the closest to Accept-Language (ICU's matcher), else the first of
// the configured fallback languages that has an edition, else the wiki's oldest edition.
const engine::Edition& chosen_edition(const std::vector<engine::Edition>& editions,
                                      const std::string& accept_language,
                                      const std::vector<std::string>& fallbacks) {
  std::vector<std::string> codes;
  for (const auto& edition : editions) codes.push_back(edition.lang);
  auto best = i18n::best_accept_language(accept_language, codes);
  for (auto fallback = fallbacks.begin(); !best && fallback != fallbacks.end(); ++fallback) {
    best = i18n::best_language({*fallback}, codes);
  }
  for (const auto& edition : editions) {
    if (best && edition.lang == *best) return edition;
  }
  return editions.front();
}

// The ?uselang= to carry: the reader's own when it is a known language; else, when the browser's
// language has no edition but has an interface ("de" on a wiki of "fr" and "en"), that interface.
std::string chosen_uselang(const httplib::Request& req, const engine::Edition& edition,
                           const std::string& accept_language) {
  const auto& messages = i18n::Messages::builtin();
  if (req.has_param("uselang")) {
    // An unchecked uselang would be echoed into the Location header: keep only known codes.
    const std::string uselang = req.get_param_value("uselang");
    if (messages.has_language(uselang) || uselang == i18n::kPseudoLanguage) return uselang;
  }
  const auto interface = i18n::best_accept_language(accept_language, messages.languages());
  const auto edition_interface = i18n::best_language({edition.lang}, messages.languages());
  if (interface && interface != edition_interface) return *interface;
  return "";
}

}  // namespace

void html_root(const Call& call) {
  const auto editions = call.web.wiki.editions();
  if (editions.empty()) return html_not_found(call.req, call.res, call.web);
  const std::string accept_language = call.req.get_header_value("Accept-Language");
  const engine::Edition& edition =
      chosen_edition(editions, accept_language, call.web.options.fallback_languages);
  // The language is in the address redirected to, so only this answer depends on the header.
  call.res.set_header("Vary", "Accept-Language");
  call.res.set_redirect(Urls(edition, chosen_uselang(call.req, edition, accept_language)).main_page(),
                        302);
}

}  // namespace kidwiki::web

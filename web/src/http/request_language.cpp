#include "http/request_language.h"

#include "i18n/language.h"

namespace kidwiki::web {

std::string interface_language(const httplib::Request& req, const engine::Edition* edition) {
  i18n::LanguageChoice choice;
  if (req.has_param("uselang")) choice.uselang = req.get_param_value("uselang");
  choice.accept_language = req.get_header_value("Accept-Language");
  if (edition != nullptr) choice.edition_lang = edition->lang;
  return i18n::choose_interface_language(choice);
}

std::string page_language(const httplib::Request& req, const engine::Edition* edition) {
  if (edition == nullptr) return interface_language(req, nullptr);
  i18n::LanguageChoice choice;
  if (req.has_param("uselang")) choice.uselang = req.get_param_value("uselang");
  choice.edition_lang = edition->lang;
  return i18n::choose_interface_language(choice);
}

}  // namespace kidwiki::web

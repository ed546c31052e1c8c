#include "wiki/edition_defaults.h"

#include "i18n/messages.h"
#include "i18n/text.h"

namespace kidwiki::engine {
namespace {

std::string given_or(const std::string& given, std::string fallback) {
  std::string normalised = i18n::to_nfc(given);
  return normalised.empty() ? fallback : normalised;
}

}  // namespace

Edition edition_with_defaults(const NewEdition& request, const i18n::LocaleFacts& facts) {
  const auto& messages = i18n::Messages::builtin();
  const std::string& lang = facts.tag;
  // format() falls back to English where the language has no catalog; only the name would then
  // be wrong ("Kidwiki in English" for Basque), so it is made from the language's own name.
  const std::string name = messages.has_language(lang)
                               ? messages.format(lang, "edition-name")
                               : messages.format("en", "edition-name-other",
                                                 {{"language", facts.native_name}});
  Edition ed;
  ed.lang = lang;
  ed.dir = facts.right_to_left ? "rtl" : "ltr";
  ed.name = given_or(request.name, name);
  ed.main_page = given_or(request.main_page, messages.format(lang, "edition-main-page"));
  ed.names.talk = given_or(request.talk_name, messages.format(lang, "edition-ns-talk"));
  ed.names.category = given_or(request.category_name, messages.format(lang, "edition-ns-category"));
  ed.names.file = given_or(request.file_name, messages.format(lang, "edition-ns-file"));
  return ed;
}

}  // namespace kidwiki::engine

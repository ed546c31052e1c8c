// What ICU's locale data knows about a language tag: the script and region it is most likely
// written in (CLDR's likely subtags), its direction and its name in itself. Editions are created
// from this (an Arabic edition is right-to-left because ICU says Arabic script is) rather than
// from a hand-kept list of languages.
#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace kidwiki::i18n {

struct LocaleFacts {
  std::string tag;          // canonical BCP 47: "pt", "de-CH", "zh-Hant"
  std::string language;     // "pt"
  std::string script;       // likely script: "Latn", "Arab"
  std::string region;       // likely region: "BR" (empty when CLDR has none)
  bool right_to_left = false;
  std::string native_name;  // "português", "العربية", "Deutsch (Schweiz)"
  std::string iso639_3;     // "por", "ara", "fra": the three-letter code Kiwix and ZIM files use
};

// Empty when `tag` is not well-formed BCP 47 ("en_US", "12", "fr--") or names a language CLDR
// does not know ("xx", "qaa", a private-use tag), so no script can be told for it.
std::optional<LocaleFacts> locale_facts(std::string_view tag);

}  // namespace kidwiki::i18n

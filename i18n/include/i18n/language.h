// Which language the interface speaks to a reader.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace kidwiki::i18n {

// Languages are matched by ICU's LocaleMatcher, with CLDR's distances between languages: "fr-CH"
// finds "fr", "pt-PT" finds "pt", "zh-Hant-TW" does not find "zh" (Simplified). Empty when
// nothing is close enough: the caller then applies its own fallback, never an arbitrary entry.

// The entry of `available` closest to the BCP 47 tags of `wanted`, the first wanted preferred.
std::optional<std::string> best_language(const std::vector<std::string>& wanted,
                                         const std::vector<std::string>& available);

// The entry of `available` that best matches an Accept-Language header ("fr-CH, fr;q=0.9, en;q=0.8"),
// honouring q-values, "*" and q=0 refusals. Linear in the header's length.
std::optional<std::string> best_accept_language(std::string_view header,
                                                const std::vector<std::string>& available);

struct LanguageChoice {
  std::optional<std::string> uselang;     // ?uselang= of the request ("qqx" allowed)
  std::optional<std::string> preference;  // the logged-in user's preference
  std::string accept_language;            // the request's header, possibly empty
  std::string edition_lang;               // the language of the edition being read
};

// The interface language, in this order: ?uselang=, the user's preference, Accept-Language,
// the edition's language, then "en". Only languages with a catalog (or "qqx") are chosen.
std::string choose_interface_language(const LanguageChoice& choice);

}  // namespace kidwiki::i18n

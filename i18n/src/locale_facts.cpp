#include "i18n/locale_facts.h"

#include <unicode/locid.h>
#include <unicode/unistr.h>

namespace kidwiki::i18n {

std::optional<LocaleFacts> locale_facts(std::string_view tag) {
  if (tag.empty() || tag.size() > 64) return std::nullopt;
  UErrorCode status = U_ZERO_ERROR;
  const icu::Locale locale = icu::Locale::forLanguageTag(tag, status);
  if (U_FAILURE(status) || locale.isBogus() || std::string_view(locale.getLanguage()).empty()) {
    return std::nullopt;
  }
  icu::Locale likely(locale);
  likely.addLikelySubtags(status);
  if (U_FAILURE(status) || std::string_view(likely.getScript()).empty()) return std::nullopt;
  LocaleFacts facts;
  facts.tag = locale.toLanguageTag<std::string>(status);
  if (U_FAILURE(status)) return std::nullopt;
  facts.language = likely.getLanguage();
  facts.script = likely.getScript();
  facts.region = likely.getCountry();
  facts.right_to_left = likely.isRightToLeft();
  facts.iso639_3 = locale.getISO3Language();
  icu::UnicodeString name;
  locale.getDisplayName(locale, name);
  name.toUTF8String(facts.native_name);
  return facts;
}

}  // namespace kidwiki::i18n

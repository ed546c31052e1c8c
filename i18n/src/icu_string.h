// Conversions between the wiki's UTF-8 strings and ICU's UTF-16 UnicodeString, for i18n/src only.
#pragma once

#include <unicode/unistr.h>

#include <string>
#include <string_view>

namespace kidwiki::i18n {

// Ill-formed UTF-8 becomes U+FFFD, as ICU documents for fromUTF8.
inline icu::UnicodeString to_icu(std::string_view s) {
  return icu::UnicodeString::fromUTF8(icu::StringPiece(s.data(), static_cast<int32_t>(s.size())));
}

inline std::string from_icu(const icu::UnicodeString& s) {
  std::string out;
  s.toUTF8String(out);
  return out;
}

}  // namespace kidwiki::i18n

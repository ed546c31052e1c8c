#include "i18n/skeleton.h"

#include <unicode/uchar.h>
#include <unicode/uspoof.h>

#include <stdexcept>

#include "i18n/text.h"
#include "icu_string.h"

namespace kidwiki::i18n {
namespace {

// Invariant: configured once, then only read; ICU allows concurrent use of a checker that is
// no longer being configured.
const USpoofChecker& checker() {
  static const USpoofChecker* const instance = [] {
    UErrorCode status = U_ZERO_ERROR;
    USpoofChecker* sc = uspoof_open(&status);
    if (U_FAILURE(status)) {
      throw std::logic_error(std::string("ICU spoof checker unavailable: ") + u_errorName(status));
    }
    return sc;
  }();
  return *instance;
}

}  // namespace

std::string confusable_skeleton(std::string_view s) {
  icu::UnicodeString in = to_icu(s);
  icu::UnicodeString out;
  UErrorCode status = U_ZERO_ERROR;
  uspoof_getSkeletonUnicodeString(&checker(), 0, in, out, &status);
  if (U_FAILURE(status)) throw std::logic_error(std::string("ICU ") + u_errorName(status));
  return from_icu(out);
}

// Why fold before and after: the skeleton's prototypes are mostly capitals or ASCII ("0" -> "O"),
// and folding first keeps lower-case letters from being mapped to a look-alike of another case.
std::string matching_key(std::string_view s) {
  // Accents go before the skeleton, not after: the skeleton writes some letters as a look-alike
  // plus a mark (Arabic ش is س with three dots above), and dropping that mark would make two
  // letters one, so that "كش ملك" (checkmate) would read as a listed rude word.
  return fold_case(confusable_skeleton(fold_case(fold_for_search(s))));
}

bool is_word_character(char32_t c) {
  if (c > 0x10FFFF) return false;
  const auto cp = static_cast<UChar32>(c);
  const int8_t type = u_charType(cp);
  return u_hasBinaryProperty(cp, UCHAR_ALPHABETIC) || u_isdigit(cp) || type == U_NON_SPACING_MARK ||
         type == U_COMBINING_SPACING_MARK || type == U_ENCLOSING_MARK || type == U_FORMAT_CHAR;
}

}  // namespace kidwiki::i18n

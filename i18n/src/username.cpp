#include "i18n/username.h"

#include <unicode/uchar.h>
#include <unicode/uspoof.h>

#include <memory>
#include <stdexcept>

#include "i18n/skeleton.h"
#include "i18n/text.h"
#include "icu_string.h"

namespace kidwiki::i18n {
namespace {

// Invariant: configured once, then only read, which ICU allows from many threads.
const USpoofChecker& restriction_checker() {
  static const USpoofChecker* const instance = [] {
    UErrorCode status = U_ZERO_ERROR;
    USpoofChecker* sc = uspoof_open(&status);
    uspoof_setChecks(sc, USPOOF_RESTRICTION_LEVEL | USPOOF_MIXED_NUMBERS, &status);
    uspoof_setRestrictionLevel(sc, USPOOF_HIGHLY_RESTRICTIVE);
    if (U_FAILURE(status)) {
      throw std::logic_error(std::string("ICU spoof checker unavailable: ") + u_errorName(status));
    }
    return sc;
  }();
  return *instance;
}

bool is_invisible(char32_t c) {
  return (c >= 0x200B && c <= 0x200F) || (c >= 0x202A && c <= 0x202E) ||
         (c >= 0x2060 && c <= 0x2069) || c == 0xFEFF || c == 0x00AD || c == 0x061C ||
         c == 0x034F || u_charType(static_cast<UChar32>(c)) == U_FORMAT_CHAR ||
         u_charType(static_cast<UChar32>(c)) == U_CONTROL_CHAR;
}

bool is_allowed(char32_t c) {
  return c == U' ' || c == U'-' || c == U'_' || c == U'.' ||
         u_hasBinaryProperty(static_cast<UChar32>(c), UCHAR_ALPHABETIC) ||
         u_isdigit(static_cast<UChar32>(c)) ||
         u_charType(static_cast<UChar32>(c)) == U_NON_SPACING_MARK;
}

// NFC, every run of white space as one space, trimmed.
std::u32string collapsed(std::string_view raw) {
  std::u32string out;
  for (char32_t c : to_utf32(to_nfc(raw))) {
    if (is_white_space(c)) {
      if (!out.empty() && out.back() != U' ') out.push_back(U' ');
    } else {
      out.push_back(c);
    }
  }
  if (!out.empty() && out.back() == U' ') out.pop_back();
  return out;
}

std::string problem_of(const std::u32string& chars, const std::string& name) {
  if (chars.size() < 2 || chars.size() > kMaxUsernameLength) return "error-username-length";
  for (char32_t c : chars) {
    if (is_invisible(c)) return "error-username-invisible";
  }
  for (char32_t c : chars) {
    if (!is_allowed(c)) return "error-username-characters";
  }
  UErrorCode status = U_ZERO_ERROR;
  int32_t result = uspoof_checkUnicodeString(&restriction_checker(), to_icu(name), nullptr, &status);
  if (U_FAILURE(status) || result != 0) return "error-username-mixed-scripts";
  return {};
}

}  // namespace

UsernameCheck check_username(std::string_view raw) {
  UsernameCheck check;
  if (!is_valid_utf8(raw)) {
    check.problem = "error-username-invalid";
    return check;
  }
  std::u32string chars = collapsed(raw);
  check.name = to_utf8(chars);
  check.problem = problem_of(chars, check.name);
  check.key = fold_case(check.name);
  check.skeleton = fold_case(confusable_skeleton(check.key));
  return check;
}

}  // namespace kidwiki::i18n

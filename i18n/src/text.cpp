#include "i18n/text.h"

#include <unicode/locid.h>
#include <unicode/normalizer2.h>
#include <unicode/uchar.h>
#include <unicode/unistr.h>
#include <unicode/utf16.h>
#include <unicode/utf8.h>

#include <cstdint>
#include <stdexcept>

#include "icu_string.h"

namespace kidwiki::i18n {
namespace {

// A missing normaliser means ICU's data is not installed: a broken build, not a user error.
const icu::Normalizer2& checked(const icu::Normalizer2* normalizer, UErrorCode status) {
  if (U_FAILURE(status) || normalizer == nullptr) {
    throw std::logic_error(std::string("ICU normaliser unavailable: ") + u_errorName(status));
  }
  return *normalizer;
}

const icu::Normalizer2& nfc() {
  UErrorCode status = U_ZERO_ERROR;
  return checked(icu::Normalizer2::getNFCInstance(status), status);
}

const icu::Normalizer2& nfd() {
  UErrorCode status = U_ZERO_ERROR;
  return checked(icu::Normalizer2::getNFDInstance(status), status);
}

const icu::Normalizer2& nfkc_casefold() {
  UErrorCode status = U_ZERO_ERROR;
  return checked(icu::Normalizer2::getNFKCCasefoldInstance(status), status);
}

// ICU puts combining marks in canonical order by insertion, which is quadratic in the length of
// a run of them: 40,000 marks after one letter take seconds. Real text has a handful at most, so,
// as UAX #15's Stream-Safe Text Format prescribes, a U+034F COMBINING GRAPHEME JOINER (which
// starts a new run) follows every kMaxNonStarters marks in a row. The pieces between joiners are
// normalised one by one, so that a form which drops default ignorables (NFKC_Casefold) cannot
// join them again.
constexpr int kMaxNonStarters = 30;
constexpr UChar32 kCombiningGraphemeJoiner = 0x034F;

void append_normalized(const icu::Normalizer2& form, const icu::UnicodeString& piece,
                       icu::UnicodeString& out) {
  UErrorCode status = U_ZERO_ERROR;
  out.append(form.normalize(piece, status));
  if (U_FAILURE(status)) throw std::logic_error(std::string("ICU ") + u_errorName(status));
}

icu::UnicodeString normalize(const icu::Normalizer2& form, const icu::UnicodeString& s) {
  const icu::Normalizer2& decomposition = nfd();
  icu::UnicodeString out;
  int32_t start = 0;
  int run = 0;
  for (int32_t i = 0; i < s.length(); i = s.moveIndex32(i, 1)) {
    if (decomposition.hasBoundaryBefore(s.char32At(i))) {
      run = 0;
    } else if (++run > kMaxNonStarters) {
      append_normalized(form, s.tempSubStringBetween(start, i), out);
      out.append(kCombiningGraphemeJoiner);
      start = i, run = 1;
    }
  }
  append_normalized(form, s.tempSubStringBetween(start), out);
  return out;
}

icu::UnicodeString without_nonspacing_marks(const icu::UnicodeString& s) {
  icu::UnicodeString out;
  for (int32_t i = 0; i < s.length(); i = s.moveIndex32(i, 1)) {
    UChar32 c = s.char32At(i);
    if (u_charType(c) != U_NON_SPACING_MARK) out.append(c);
  }
  return out;
}

// The title-case mapping of one code point under `lang`, or `c` itself when that mapping
// is longer than one code point.
UChar32 capital_of(UChar32 c, std::string_view lang) {
  icu::UnicodeString one(c);
  icu::Locale locale(std::string(lang).c_str());
  one.toTitle(
      nullptr, locale,
      U_TITLECASE_WHOLE_STRING | U_TITLECASE_NO_LOWERCASE | U_TITLECASE_NO_BREAK_ADJUSTMENT);
  return one.countChar32() == 1 ? one.char32At(0) : c;
}

}  // namespace

bool is_valid_utf8(std::string_view s) {
  const auto* bytes = reinterpret_cast<const uint8_t*>(s.data());
  const int64_t length = static_cast<int64_t>(s.size());
  for (int64_t i = 0; i < length;) {
    UChar32 c;
    U8_NEXT(bytes, i, length, c);
    if (c < 0) return false;
  }
  return true;
}

namespace {

bool is_ascii(std::string_view s) {
  for (char c : s) {
    if (static_cast<unsigned char>(c) >= 0x80) return false;
  }
  return true;
}

}  // namespace

// Why the quick checks: titles and texts are nearly always NFC already (ASCII, or French typed
// on a keyboard), and normalising every wiki link of a long article cost more than parsing it.
std::string to_nfc(std::string_view s) {
  if (is_ascii(s)) return std::string(s);
  icu::UnicodeString u = to_icu(s);
  UErrorCode status = U_ZERO_ERROR;
  if (nfc().spanQuickCheckYes(u, status) == u.length() && U_SUCCESS(status) && is_valid_utf8(s)) {
    return std::string(s);
  }
  return from_icu(normalize(nfc(), u));
}

// Why title case rather than upper case: it is Unicode's mapping for capitalising the first
// letter of a word ("ǆ" -> "ǅ"), and ICU's Greek upper-casing drops accents ("ά" -> "Α") where
// a capital initial keeps them ("Ά"). "ß" and ligatures, whose capital is two letters, stay.
std::string upper_first(std::string_view s, std::string_view lang) {
  const auto* bytes = reinterpret_cast<const uint8_t*>(s.data());
  int64_t end = 0;
  UChar32 first;
  if (s.empty()) return {};
  // ASCII letters capitalise alike in every language but Turkish and Azeri (i -> İ).
  if (static_cast<unsigned char>(s[0]) < 0x80 && lang != "tr" && lang != "az") {
    std::string out(s);
    if (out[0] >= 'a' && out[0] <= 'z') out[0] = static_cast<char>(out[0] - 'a' + 'A');
    return out;
  }
  U8_NEXT(bytes, end, static_cast<int64_t>(s.size()), first);
  if (first < 0) return std::string(s);
  icu::UnicodeString capital(capital_of(first, lang));
  return from_icu(capital) + std::string(s.substr(static_cast<size_t>(end)));
}

std::string fold_case(std::string_view s) {
  return from_icu(normalize(nfkc_casefold(), to_icu(s)));
}

// Folding first, then decomposing, so that marks produced by folding ("İ" -> "i̇") go too.
std::string fold_for_search(std::string_view s) {
  icu::UnicodeString folded = to_icu(s).foldCase();
  // Case folding keeps Turkish dotless ı apart from i, and Arabic's tatweel only stretches a
  // word: a child searching "ILIK" or "كتــاب" means the same word as "ılık" or "كتاب".
  folded.findAndReplace(icu::UnicodeString(static_cast<UChar32>(0x0131)), icu::UnicodeString(u'i'));
  folded.findAndReplace(icu::UnicodeString(static_cast<UChar32>(0x0640)), icu::UnicodeString());
  icu::UnicodeString bare = without_nonspacing_marks(normalize(nfd(), folded));
  return from_icu(normalize(nfc(), bare));
}

std::size_t code_point_count(std::string_view s) { return to_utf32(s).size(); }

std::u32string to_utf32(std::string_view s) {
  const auto* bytes = reinterpret_cast<const uint8_t*>(s.data());
  const int64_t length = static_cast<int64_t>(s.size());
  std::u32string out;
  out.reserve(s.size());
  for (int64_t i = 0; i < length;) {
    UChar32 c;
    U8_NEXT(bytes, i, length, c);
    out.push_back(c < 0 ? U'\uFFFD' : static_cast<char32_t>(c));
  }
  return out;
}

std::string to_utf8(std::u32string_view s) {
  std::string out;
  out.reserve(s.size());
  for (char32_t c : s) {
    bool valid = c <= 0x10FFFF && !U_IS_SURROGATE(c);
    uint8_t buffer[U8_MAX_LENGTH];
    int32_t n = 0;
    U8_APPEND_UNSAFE(buffer, n, valid ? static_cast<UChar32>(c) : 0xFFFD);
    out.append(reinterpret_cast<const char*>(buffer), static_cast<size_t>(n));
  }
  return out;
}

bool is_white_space(char32_t c) {
  return c <= 0x10FFFF && u_isUWhiteSpace(static_cast<UChar32>(c));
}

}  // namespace kidwiki::i18n

// Unicode text operations the wiki needs, on UTF-8 strings, backed by ICU.
// Every function is pure and thread-safe. Inputs must be valid UTF-8 unless a function says
// otherwise. The normalising functions (to_nfc, fold_case, fold_for_search) first make their
// input stream-safe (UAX #15): after 30 combining marks in a row a U+034F COMBINING GRAPHEME JOINER
// is inserted. No real text has such runs; without it normalisation is quadratic in their length.
#pragma once

#include <string>
#include <string_view>

namespace kidwiki::i18n {

// True when `s` is well-formed UTF-8 (no overlongs, no surrogates, nothing above U+10FFFF).
// Accepts any input.
bool is_valid_utf8(std::string_view s);

// Canonical composition (NFC): the form every title and text is stored in.
std::string to_nfc(std::string_view s);

// Upper-cases the first code point with the rules of `lang` ("tr" turns i into İ), leaving the
// rest untouched. Uses the capital-initial (title-case) form, so "ǆ" gives "ǅ" and Greek keeps
// its accent; a letter whose capital is two letters ("ß") is kept. Empty input gives empty output.
std::string upper_first(std::string_view s, std::string_view lang);

// NFKC with case folding: the key under which two names count as the same ("Léa" ~ "LÉA").
std::string fold_case(std::string_view s);

// Case-folded, accents removed (NFD, combining marks dropped, NFC): "Éléphants" -> "elephants".
// Used for search terms and word filters, never for display.
std::string fold_for_search(std::string_view s);

// Number of code points (not bytes).
std::size_t code_point_count(std::string_view s);

// The code points of `s`; each ill-formed byte sequence becomes one U+FFFD.
std::u32string to_utf32(std::string_view s);

// UTF-8 of `s`; surrogates and values above U+10FFFF become U+FFFD.
std::string to_utf8(std::u32string_view s);

// Unicode's White_Space property: ASCII space and tab to line ends, NBSP, U+2000-U+200A, U+3000...
bool is_white_space(char32_t c);

}  // namespace kidwiki::i18n

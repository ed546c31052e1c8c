#include <algorithm>
#include <cctype>

#include "filter/filter_detectors.h"

namespace kidwiki::engine {
namespace {

// Street words come before the name in French ("12 rue des Lilas") and after it in English
// ("221B Baker Street").
const std::vector<std::string>& french_streets() {
  static const auto keys =
      keys_of({"rue", "avenue", "av", "boulevard", "bd", "impasse", "place", "chemin", "allée",
               "route", "quai", "square", "cours", "passage", "voie", "sentier", "lotissement"});
  return keys;
}
const std::vector<std::string>& english_streets() {
  static const auto keys = keys_of({"street", "st", "road", "rd", "avenue", "ave", "lane", "ln",
                                    "drive", "boulevard", "blvd", "crescent"});
  return keys;
}
// French street names start with particles or a capital: "rue de la Paix", "place Bellecour".
const std::vector<std::string>& particles() {
  static const auto keys = keys_of({"de", "des", "du", "d", "la", "le", "l"});
  return keys;
}
// Names between the number and an English street word: "Baker", "Downing", "Old Kent".
constexpr std::size_t kMaxEnglishNameWords = 3;

bool is_one_of(const std::string& key, const std::vector<std::string>& keys) {
  return std::find(keys.begin(), keys.end(), key) != keys.end();
}

// An address's words sit on one line, separated by spaces, a comma or an apostrophe.
bool same_phrase(std::string_view text, const std::vector<FilterToken>& t, std::size_t k) {
  if (k == 0 || k >= t.size()) return false;
  const std::string_view gap = gap_between(text, t[k - 1], t[k]);
  if (gap.empty() || gap.size() > 3) return false;
  if (gap == "\u2019") return true;  // typographic apostrophe: "rue d’Alsace"
  return std::all_of(gap.begin(), gap.end(),
                     [](char c) { return c == ' ' || c == ',' || c == '\''; });
}

// "12", "221B", "3": up to four digits, perhaps one letter, but not an ordinal ("2e place").
bool is_house_number(std::string_view raw) {
  std::size_t digits = 0;
  while (digits < raw.size() && std::isdigit(static_cast<unsigned char>(raw[digits]))) ++digits;
  if (digits == 0 || digits > 4 || raw[0] == '0') return false;
  if (raw.size() == digits) return true;
  const char letter = raw.back();
  return raw.size() == digits + 1 && std::isalpha(static_cast<unsigned char>(letter)) &&
         letter != 'e' && letter != 'E';
}

// ASCII capitals and the Latin-1 ones (À to Þ: lead byte C3, second byte 80 to 9E).
bool starts_with_capital(std::string_view raw) {
  const auto b = static_cast<unsigned char>(raw[0]);
  if (b >= 'A' && b <= 'Z') return true;
  return b == 0xC3 && raw.size() > 1 && static_cast<unsigned char>(raw[1]) <= 0x9E;
}

// "rue des Lilas" from the street word at `j`: the last token of the name, or 0 when the word is
// not followed by a name.
std::size_t french_name_end(std::string_view text, const std::vector<FilterToken>& t,
                            std::size_t j) {
  std::size_t k = j + 1;
  while (same_phrase(text, t, k) && is_one_of(t[k].key, particles()) && k < j + 3) ++k;
  if (same_phrase(text, t, k) && starts_with_capital(raw_of(text, t[k]))) return k;
  return k > j + 1 ? k - 1 : 0;
}

std::size_t english_street_end(std::string_view text, const std::vector<FilterToken>& t,
                               std::size_t i) {
  for (std::size_t k = i + 1; same_phrase(text, t, k) && k <= i + kMaxEnglishNameWords + 1; ++k) {
    if (k > i + 1 && is_one_of(t[k].key, english_streets())) return k;
    if (t[k].digits_only || !starts_with_capital(raw_of(text, t[k]))) break;
  }
  return 0;
}

// The index of the last token of an address starting at the house number `i`, or 0 if none.
std::size_t address_end(std::string_view text, const std::vector<FilterToken>& t, std::size_t i) {
  std::size_t j = i + 1;
  static const auto repeats = keys_of({"bis", "ter"});
  if (same_phrase(text, t, j) && is_one_of(t[j].key, repeats)) ++j;
  if (same_phrase(text, t, j) && is_one_of(t[j].key, french_streets())) {
    const std::size_t end = french_name_end(text, t, j);
    if (end != 0) return end;
  }
  return english_street_end(text, t, i);
}

}  // namespace

void find_addresses(std::string_view text, const std::vector<FilterToken>& tokens,
                    std::vector<FilterMatch>& out) {
  for (std::size_t i = 0; i < tokens.size(); ++i) {
    if (!is_house_number(raw_of(text, tokens[i]))) continue;
    const std::size_t last = address_end(text, tokens, i);
    if (last == 0) continue;
    const std::size_t begin = tokens[i].begin;
    out.push_back(
        {"address", FilterAction::hold, "filter-address", begin, tokens[last].end - begin});
    i = last;
  }
}

}  // namespace kidwiki::engine

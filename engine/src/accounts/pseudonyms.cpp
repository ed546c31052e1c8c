#include "accounts/pseudonyms.h"

#include <sodium.h>

#include <stdexcept>
#include <string>
#include <vector>

#include "langdata/language_data.h"

namespace kidwiki::engine {

namespace pseudonym_lists {
const EmbeddedFiles& embedded_files();
}

namespace {

// Languages without a list of their own get English nicknames.
constexpr std::string_view kFallbackLanguage = "en";

// One language's words (i18n/pseudonyms/<lang>.txt): animals with their grammatical gender, and
// adjectives with one form per gender (m, f, n), so that the pair always agrees.
struct NameWords {
  bool adjective_first = false;
  std::vector<std::pair<std::string, std::size_t>> animals;  // word, gender index
  std::vector<std::vector<std::string>> adjectives;         // forms: m [f [n]]
};

std::vector<std::string> split_spaces(std::string_view line) {
  std::vector<std::string> parts;
  while (!line.empty()) {
    const std::size_t space = std::min(line.find(' '), line.size());
    if (space > 0) parts.emplace_back(line.substr(0, space));
    line.remove_prefix(std::min(space + 1, line.size()));
  }
  return parts;
}

std::size_t gender_index(std::string_view tag) { return tag == "f" ? 1 : tag == "n" ? 2 : 0; }

NameWords parse_words(std::string_view text) {
  NameWords words;
  std::string_view section;
  while (!text.empty()) {
    const std::size_t end = std::min(text.find('\n'), text.size());
    const std::string_view line = text.substr(0, end);
    text.remove_prefix(std::min(end + 1, text.size()));
    if (line.empty() || line.front() == '#') continue;
    if (line.front() == '[') {
      section = line;
      continue;
    }
    const auto parts = split_spaces(line);
    if (parts.empty()) continue;
    if (section == "[order]") words.adjective_first = parts.front() == "adjective-animal";
    if (section == "[animals]") {
      words.animals.emplace_back(parts.front(), parts.size() > 1 ? gender_index(parts[1]) : 0);
    }
    if (section == "[adjectives]") words.adjectives.push_back(parts);
  }
  return words;
}

const NameWords& words_for(std::string_view lang) {
  static LanguageData<NameWords> lists(pseudonym_lists::embedded_files(), parse_words,
                                       std::string(kFallbackLanguage));
  const NameWords& words = lists.of(lang);
  if (words.animals.empty() || words.adjectives.empty()) {
    throw std::logic_error("no pseudonym words for " + std::string(lang));
  }
  return words;
}

// The animal `a` with the adjective `j` in the form that agrees with it, in the language's order.
std::string pair_of(const NameWords& words, std::size_t a, std::size_t j) {
  const auto& [animal, gender] = words.animals[a];
  const auto& forms = words.adjectives[j];
  const std::string& adjective = forms[std::min(gender, forms.size() - 1)];
  return words.adjective_first ? adjective + " " + animal : animal + " " + adjective;
}

// Numbers from 2 to 99: two digits at most, so no number reads as a year of birth.
std::string random_number() { return std::to_string(2 + randombytes_uniform(98)); }

}  // namespace

std::string random_pseudonym(std::string_view lang) {
  if (sodium_init() < 0) throw std::logic_error("libsodium could not initialise");
  const NameWords& words = words_for(lang);
  const auto animal = randombytes_uniform(static_cast<uint32_t>(words.animals.size()));
  const auto adjective = randombytes_uniform(static_cast<uint32_t>(words.adjectives.size()));
  return pair_of(words, animal, adjective) + " " + random_number();
}

std::vector<std::string> pseudonym_pairs(std::string_view lang) {
  const NameWords& words = words_for(lang);
  std::vector<std::string> pairs;
  for (std::size_t a = 0; a < words.animals.size(); ++a) {
    for (std::size_t j = 0; j < words.adjectives.size(); ++j) pairs.push_back(pair_of(words, a, j));
  }
  return pairs;
}

}  // namespace kidwiki::engine

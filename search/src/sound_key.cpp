#include "sound_key.h"

#include <array>
#include <utility>

namespace kidwiki::search {
namespace {

// Tried in order at each position; the first rule whose pattern matches there applies.
constexpr std::array<std::pair<std::string_view, std::string_view>, 18> kRules = {{
    {"eau", "o"}, {"ph", "f"},  {"qu", "k"}, {"ck", "k"}, {"ch", "x"}, {"sh", "x"},
    {"gue", "ge"}, {"gui", "gi"}, {"ce", "se"}, {"ci", "si"}, {"cy", "si"}, {"c", "k"},
    {"au", "o"},  {"ai", "e"},  {"ei", "e"}, {"y", "i"},  {"z", "s"},  {"w", "v"},
}};

bool plain_letters(std::string_view w) {
  for (char c : w) {
    if (c < 'a' || c > 'z') return false;
  }
  return true;
}

std::string apply_rules(std::string_view w) {
  std::string out;
  for (std::size_t i = 0; i < w.size();) {
    bool matched = false;
    for (const auto& [from, to] : kRules) {
      if (w.substr(i, from.size()) == from) {
        out += to;
        i += from.size();
        matched = true;
        break;
      }
    }
    if (matched) continue;
    if (w[i] != 'h') out += w[i];  // a lone h is silent in French and often dropped in English
    ++i;
  }
  return out;
}

}  // namespace

std::string sound_key(std::string_view folded_word) {
  if (folded_word.size() < 3 || !plain_letters(folded_word)) return {};
  std::string spelled = apply_rules(folded_word);
  std::string key;
  for (char c : spelled) {
    if (key.empty() || key.back() != c) key += c;  // double letters sound single
  }
  // Silent endings: "elephants" and "elefan" sound alike.
  while (key.size() > 3 && std::string_view("estxd").find(key.back()) != std::string_view::npos) {
    key.pop_back();
  }
  return key;
}

}  // namespace kidwiki::search

#include "filter/filter_tokens.h"

#include <unordered_map>

#include "i18n/skeleton.h"

namespace kidwiki::engine {
namespace {

bool is_ascii_digit(char c) { return c >= '0' && c <= '9'; }
bool is_ascii_alnum(char c) {
  return is_ascii_digit(c) || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}

// Decodes the code point at `i`, returning its length in bytes; 0 for an ill-formed sequence.
std::size_t decode(std::string_view s, std::size_t i, char32_t& c) {
  const auto b = static_cast<unsigned char>(s[i]);
  const std::size_t n = b < 0x80                ? 1
                        : b >= 0xF0 && b < 0xF5 ? 4
                        : b >= 0xE0             ? 3
                        : b >= 0xC2             ? 2
                                                : 0;
  if (n == 0 || i + n > s.size()) return 0;
  c = n == 1 ? b : n == 2 ? b & 0x1F : n == 3 ? b & 0x0F : b & 0x07;
  for (std::size_t k = 1; k < n; ++k) {
    const auto next = static_cast<unsigned char>(s[i + k]);
    if ((next & 0xC0) != 0x80) return 0;
    c = (c << 6) | (next & 0x3F);
  }
  return n;
}

// Length of the word character at `i`, or 0 when it is not one.
std::size_t word_char_length(std::string_view s, std::size_t i) {
  if (static_cast<unsigned char>(s[i]) < 0x80) return is_ascii_alnum(s[i]) ? 1 : 0;
  char32_t c = 0;
  const std::size_t n = decode(s, i, c);
  return n != 0 && i18n::is_word_character(c) ? n : 0;
}

// Pupils write "c0n" or "s4lope": digits among letters are read as the letters they imitate.
// A number alone ("1789") keeps its digits, so a date never reads as a word.
std::string read_digits_as_letters(std::string_view raw) {
  static constexpr std::string_view kLetterOf = "oizeasgtbg";
  std::string out(raw);
  for (char& c : out) {
    if (is_ascii_digit(c)) c = kLetterOf[static_cast<std::size_t>(c - '0')];
  }
  return out;
}

// Why a cache: a text repeats its words, and the ICU key costs far more than a hash look-up.
class KeyCache {
 public:
  const std::string& key(std::string_view raw, bool digits_only) {
    auto [it, inserted] = keys_.try_emplace(std::string(raw));
    if (inserted) it->second = compute(raw, digits_only);
    return it->second;
  }

 private:
  static std::string compute(std::string_view raw, bool digits_only) {
    if (digits_only) return std::string(raw);
    bool has_digit = false;
    for (char c : raw) has_digit = has_digit || is_ascii_digit(c);
    return i18n::matching_key(has_digit ? read_digits_as_letters(raw) : std::string(raw));
  }
  std::unordered_map<std::string, std::string> keys_;
};

}  // namespace

std::vector<FilterToken> filter_tokens(std::string_view text) {
  std::vector<FilterToken> tokens;
  KeyCache cache;
  std::size_t i = 0;
  while (i < text.size()) {
    const std::size_t begin = i;
    bool digits_only = true;
    while (i < text.size()) {
      const std::size_t n = word_char_length(text, i);
      if (n == 0) break;
      digits_only = digits_only && n == 1 && is_ascii_digit(text[i]);
      i += n;
    }
    if (i == begin) {
      ++i;
      continue;
    }
    const std::string_view raw = text.substr(begin, i - begin);
    tokens.push_back({begin, i, cache.key(raw, digits_only), digits_only});
  }
  return tokens;
}

std::vector<std::string> keys_of(std::initializer_list<std::string_view> words) {
  std::vector<std::string> keys;
  for (std::string_view word : words) {
    std::vector<FilterToken> tokens = filter_tokens(word);
    keys.push_back(tokens.empty() ? std::string() : std::move(tokens.front().key));
  }
  return keys;
}

}  // namespace kidwiki::engine

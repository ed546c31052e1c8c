#include "i18n/language.h"

#include <algorithm>
#include <cstddef>
#include <optional>
#include <string>
#include <vector>

#include "i18n/messages.h"

namespace kidwiki::i18n {
namespace {

// Real headers are a few dozen bytes; anything past this is ignored so that a hostile header
// costs no more than a normal one.
constexpr std::size_t kMaxHeaderBytes = 4096;
constexpr int kMaxSubtagLength = 8;

// One language-range of the header, with its weight in thousandths (q=0.5 -> 500).
struct Range {
  std::string_view tag;
  int weight = 1000;
};

bool is_alpha(char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }
bool is_digit(char c) { return c >= '0' && c <= '9'; }
char ascii_lower(char c) { return (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c; }

bool iequals(std::string_view a, std::string_view b) {
  if (a.size() != b.size()) return false;
  for (std::size_t i = 0; i < a.size(); ++i) {
    if (ascii_lower(a[i]) != ascii_lower(b[i])) return false;
  }
  return true;
}

std::string_view trim(std::string_view s) {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\t')) s.remove_prefix(1);
  while (!s.empty() && (s.back() == ' ' || s.back() == '\t')) s.remove_suffix(1);
  return s;
}

// RFC 4647 language-range: "*" or 1*8ALPHA *("-" 1*8alphanum).
bool is_language_range(std::string_view tag) {
  if (tag == "*") return true;
  int length = 0;
  bool first = true;
  for (char c : tag) {
    if (c == '-') {
      if (length == 0) return false;
      length = 0, first = false;
    } else if (!(is_alpha(c) || (!first && is_digit(c))) || ++length > kMaxSubtagLength) {
      return false;
    }
  }
  return length > 0;
}

// RFC 9110 qvalue: "0" ["." 0*3DIGIT] or "1" ["." 0*3"0"]; -1 when malformed.
int parse_weight(std::string_view value) {
  if (value.empty() || (value[0] != '0' && value[0] != '1')) return -1;
  if (value.size() > 1 && (value[1] != '.' || value.size() > 5)) return -1;
  int weight = (value[0] - '0') * 1000;
  int scale = 100;
  for (char c : value.substr(value.size() > 1 ? 2 : 1)) {
    if (!is_digit(c) || (weight == 1000 && c != '0')) return -1;
    weight += (c - '0') * scale, scale /= 10;
  }
  return weight;
}

// "fr-CH;q=0.9" -> {"fr-CH", 900}; an unknown parameter is ignored, a malformed one refuses
// the whole range.
std::optional<Range> parse_range(std::string_view part) {
  std::size_t semicolon = part.find(';');
  Range range{trim(part.substr(0, semicolon))};
  if (!is_language_range(range.tag)) return std::nullopt;
  while (semicolon != std::string_view::npos) {
    std::size_t next = part.find(';', semicolon + 1);
    std::string_view param = trim(part.substr(semicolon + 1, next - semicolon - 1));
    std::size_t equals = param.find('=');
    if (equals == std::string_view::npos) return std::nullopt;
    if (iequals(trim(param.substr(0, equals)), "q")) {
      range.weight = parse_weight(trim(param.substr(equals + 1)));
      if (range.weight < 0) return std::nullopt;
    }
    semicolon = next;
  }
  return range;
}

// The ranges of the header's first kMaxHeaderBytes, dropping a range cut by that limit.
std::vector<Range> parse_header(std::string_view header) {
  if (header.size() > kMaxHeaderBytes) {
    header = header.substr(0, kMaxHeaderBytes);
    header = header.substr(0, header.rfind(',') == std::string_view::npos ? 0 : header.rfind(','));
  }
  std::vector<Range> ranges;
  std::size_t start = 0;
  while (start <= header.size()) {
    std::size_t comma = std::min(header.find(',', start), header.size());
    if (auto range = parse_range(header.substr(start, comma - start))) ranges.push_back(*range);
    start = comma + 1;
  }
  return ranges;
}

constexpr std::size_t kNone = static_cast<std::size_t>(-1);

// Index in `available` of the language equal to `tag` (ASCII case ignored), skipping refused ones.
std::size_t find_exact(std::string_view tag, const std::vector<std::string>& available,
                       const std::vector<bool>& refused) {
  for (std::size_t i = 0; i < available.size(); ++i) {
    if (!refused[i] && iequals(available[i], tag)) return i;
  }
  return kNone;
}

// RFC 4647 lookup: "zh-Hant-TW", then "zh-Hant", then "zh".
std::size_t lookup(std::string_view tag, const std::vector<std::string>& available,
                   const std::vector<bool>& refused) {
  while (!tag.empty()) {
    std::size_t found = find_exact(tag, available, refused);
    if (found != kNone) return found;
    std::size_t dash = tag.rfind('-');
    tag = tag.substr(0, dash == std::string_view::npos ? 0 : dash);
  }
  return kNone;
}

// Which available languages the header names outright: with q=0 (refused), or at all, since
// "*" stands only for the languages no other range names.
struct Named {
  std::vector<bool> refused;
  std::vector<bool> mentioned;
};

Named named_languages(const std::vector<Range>& ranges, const std::vector<std::string>& available) {
  Named named{std::vector<bool>(available.size()), std::vector<bool>(available.size())};
  const std::vector<bool> none(available.size());
  for (const auto& range : ranges) {
    std::size_t found = find_exact(range.tag, available, none);
    if (found == kNone) continue;
    named.mentioned[found] = true;
    if (range.weight == 0) named.refused[found] = true;
  }
  return named;
}

std::size_t match(const Range& range, const std::vector<std::string>& available,
                  const Named& named) {
  if (range.tag != "*") return lookup(range.tag, available, named.refused);
  for (std::size_t i = 0; i < available.size(); ++i) {
    if (!named.mentioned[i]) return i;
  }
  return kNone;
}

// A higher weight wins; at equal weight a named language beats "*", then the earlier range.
struct Candidate {
  std::size_t index = kNone;
  int weight = 0;
  bool specific = false;

  bool beats(const Candidate& other) const {
    if (other.index == kNone || weight != other.weight) return weight > other.weight;
    return specific && !other.specific;
  }
};

}  // namespace

std::optional<std::string> best_accept_language(std::string_view header,
                                                const std::vector<std::string>& available) {
  std::vector<Range> ranges = parse_header(header);
  Named named = named_languages(ranges, available);
  Candidate best;
  for (const auto& range : ranges) {
    if (range.weight == 0) continue;
    Candidate candidate{match(range, available, named), range.weight, range.tag != "*"};
    if (candidate.index != kNone && candidate.beats(best)) best = candidate;
  }
  if (best.index == kNone) return std::nullopt;
  return available[best.index];
}

std::string choose_interface_language(const LanguageChoice& choice) {
  const auto& available = Messages::builtin().languages();
  const std::vector<bool> none(available.size());
  if (choice.uselang && iequals(*choice.uselang, kPseudoLanguage)) {
    return std::string(kPseudoLanguage);
  }
  for (const auto& tag : {choice.uselang, choice.preference}) {
    std::size_t found = tag ? lookup(*tag, available, none) : kNone;
    if (found != kNone) return available[found];
  }
  if (auto accepted = best_accept_language(choice.accept_language, available)) return *accepted;
  std::size_t edition = lookup(choice.edition_lang, available, none);
  return edition != kNone ? available[edition] : "en";
}

}  // namespace kidwiki::i18n

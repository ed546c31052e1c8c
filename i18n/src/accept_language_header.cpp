#include "accept_language_header.h"

#include <algorithm>
#include <cstddef>
#include <optional>

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

bool names(const std::vector<Range>& ranges, std::string_view lang) {
  return std::any_of(ranges.begin(), ranges.end(),
                     [&](const Range& range) { return iequals(range.tag, lang); });
}

bool refuses(const std::vector<Range>& ranges, std::string_view lang) {
  return std::any_of(ranges.begin(), ranges.end(), [&](const Range& range) {
    return range.weight == 0 && iequals(range.tag, lang);
  });
}

}  // namespace

WantedLanguages wanted_languages(std::string_view header, const std::vector<std::string>& available) {
  std::vector<Range> ranges = parse_header(header);
  WantedLanguages wanted;
  for (const auto& lang : available) {
    if (refuses(ranges, lang)) wanted.refused.push_back(lang);
  }
  // A higher weight first; at equal weight a named language before "*", then the header's order.
  std::stable_sort(ranges.begin(), ranges.end(), [](const Range& a, const Range& b) {
    if (a.weight != b.weight) return a.weight > b.weight;
    return a.tag != "*" && b.tag == "*";
  });
  bool wildcard_done = false;
  for (const auto& range : ranges) {
    if (range.weight == 0) continue;
    if (range.tag != "*") {
      wanted.tags.emplace_back(range.tag);
    } else if (!wildcard_done) {
      // "*" stands for the languages no other range names (RFC 9110).
      for (const auto& lang : available) {
        if (!names(ranges, lang)) wanted.tags.push_back(lang);
      }
      wildcard_done = true;
    }
  }
  return wanted;
}

}  // namespace kidwiki::i18n

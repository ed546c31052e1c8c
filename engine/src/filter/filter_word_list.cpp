#include <string>

#include "engine/filter.h"

namespace kidwiki::engine {
namespace {

bool is_blank(char c) { return c == ' ' || c == '\t' || c == '\r'; }

std::string_view trimmed(std::string_view s) {
  while (!s.empty() && is_blank(s.front())) s.remove_prefix(1);
  while (!s.empty() && is_blank(s.back())) s.remove_suffix(1);
  return s;
}

// "ta gueule    refuse": the action is the last word of the line, the words are the rest.
bool parse_line(std::string_view line, WordRule& rule) {
  line = trimmed(line.substr(0, line.find('#')));
  const std::size_t split = line.find_last_of(" \t");
  if (split == std::string_view::npos) return false;
  const std::string_view action = line.substr(split + 1);
  const std::string_view words = trimmed(line.substr(0, split));
  if (words.empty() || (action != "hold" && action != "refuse")) return false;
  rule =
      WordRule{std::string(words), action == "refuse" ? FilterAction::refuse : FilterAction::hold};
  return true;
}

}  // namespace

std::vector<WordRule> ContentFilter::parse_word_list(std::string_view text) {
  std::vector<WordRule> rules;
  while (!text.empty()) {
    const std::size_t eol = text.find('\n');
    WordRule rule;
    if (parse_line(text.substr(0, eol), rule)) rules.push_back(std::move(rule));
    text = eol == std::string_view::npos ? std::string_view() : text.substr(eol + 1);
  }
  return rules;
}

}  // namespace kidwiki::engine

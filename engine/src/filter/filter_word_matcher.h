// Whole-word matching of a word list against a text's tokens, blind to the tricks pupils use to
// slip a word past a filter: letters spaced out ("c o n", "c.o.n", "c-o-n") and stretched
// ("connnn"). Look-alike letters and accents are already gone from the tokens' keys.
#pragma once

#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "engine/filter.h"
#include "filter/filter_tokens.h"

namespace kidwiki::engine {

class WordMatcher {
 public:
  explicit WordMatcher(const std::vector<WordRule>& rules);

  // Appends one match per rule occurrence, rule "word". Linear in the number of tokens (each
  // rule is a few words long).
  void find(std::string_view text, const std::vector<FilterToken>& tokens,
            std::vector<FilterMatch>& out) const;

 private:
  // A word as its letters without repeats ("conard") and how often each letter came in a row.
  struct Runs {
    std::string letters;
    std::vector<std::size_t> counts;
  };
  struct Rule {
    std::vector<Runs> words;
    FilterAction action;
  };
  struct Word {
    Runs runs;
    std::size_t begin, end;
  };

  static Runs runs_of(std::string_view key);
  static bool stretched_from(const Runs& typed, const Runs& listed);
  static std::vector<Word> words_of(std::string_view text, const std::vector<FilterToken>& tokens);
  bool matches_at(const Rule& rule, const std::vector<Word>& words, std::size_t at) const;

  std::unordered_map<std::string, std::vector<Rule>> by_first_letters_;
};

}  // namespace kidwiki::engine

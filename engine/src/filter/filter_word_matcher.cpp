#include "filter/filter_word_matcher.h"

#include "i18n/text.h"

namespace kidwiki::engine {
namespace {

// Between two spaced-out letters a pupil puts a space or a little punctuation ("c.o.n", "c - o").
constexpr std::size_t kMaxSpacing = 3;
// A letter typed this many times in a row is stretched on purpose ("connnn"), whereas a doubled
// letter changes the word ("as" is not "ass").
constexpr std::size_t kStretched = 3;

bool is_spacing(std::string_view gap) {
  if (gap.empty() || gap.size() > kMaxSpacing) return false;
  for (char c : gap) {
    if (c != ' ' && c != '.' && c != '-' && c != '_' && c != '*' && c != '+' && c != '/') {
      return false;
    }
  }
  return true;
}

// One letter as typed ("m", "с", "ك") or as its key: the key alone would miss "m", whose
// skeleton is "rn", and counting bytes would miss every letter outside ASCII.
bool is_single_letter(std::string_view text, const FilterToken& t) {
  return !t.digits_only &&
         (i18n::code_point_count(raw_of(text, t)) == 1 || i18n::code_point_count(t.key) == 1);
}

}  // namespace

// By code points, so that "сууука" stretches its у as "connnn" stretches its n.
WordMatcher::Runs WordMatcher::runs_of(std::string_view key) {
  Runs runs;
  char32_t last = 0;
  for (char32_t c : i18n::to_utf32(key)) {
    if (!runs.counts.empty() && c == last) {
      ++runs.counts.back();
    } else {
      runs.letters += i18n::to_utf8(std::u32string(1, c));
      runs.counts.push_back(1);
      last = c;
    }
  }
  return runs;
}

bool WordMatcher::stretched_from(const Runs& typed, const Runs& listed) {
  if (typed.letters != listed.letters) return false;
  for (std::size_t i = 0; i < typed.counts.size(); ++i) {
    const std::size_t t = typed.counts[i], l = listed.counts[i];
    if (t != l && (t < l || t < kStretched)) return false;
  }
  return true;
}

// Invariant: a run of two or more single letters joined by spacing becomes one word, so that
// "c o n" is compared whole, like "con", and never as three separate letters.
std::vector<WordMatcher::Word> WordMatcher::words_of(std::string_view text,
                                                     const std::vector<FilterToken>& tokens) {
  std::vector<Word> words;
  for (std::size_t i = 0; i < tokens.size();) {
    std::size_t j = i + 1;
    std::string key = tokens[i].key;
    while (is_single_letter(text, tokens[j - 1]) && j < tokens.size() &&
           is_single_letter(text, tokens[j]) &&
           is_spacing(gap_between(text, tokens[j - 1], tokens[j]))) {
      key += tokens[j++].key;
    }
    if (tokens[i].digits_only) key.clear();  // numbers never match a word
    words.push_back({runs_of(key), tokens[i].begin, tokens[j - 1].end});
    i = j;
  }
  return words;
}

WordMatcher::WordMatcher(const std::vector<WordRule>& rules) {
  for (const WordRule& rule : rules) {
    Rule compiled{{}, rule.action};
    for (const FilterToken& t : filter_tokens(rule.words)) compiled.words.push_back(runs_of(t.key));
    if (compiled.words.empty()) continue;
    by_first_letters_[compiled.words.front().letters].push_back(std::move(compiled));
  }
}

bool WordMatcher::matches_at(const Rule& rule, const std::vector<Word>& words,
                             std::size_t at) const {
  if (at + rule.words.size() > words.size()) return false;
  for (std::size_t k = 0; k < rule.words.size(); ++k) {
    if (!stretched_from(words[at + k].runs, rule.words[k])) return false;
  }
  return true;
}

void WordMatcher::find(std::string_view text, const std::vector<FilterToken>& tokens,
                       std::vector<FilterMatch>& out) const {
  const std::vector<Word> words = words_of(text, tokens);
  for (std::size_t i = 0; i < words.size(); ++i) {
    const auto it = by_first_letters_.find(words[i].runs.letters);
    if (it == by_first_letters_.end()) continue;
    for (const Rule& rule : it->second) {
      if (!matches_at(rule, words, i)) continue;
      const std::size_t end = words[i + rule.words.size() - 1].end;
      const bool refuse = rule.action == FilterAction::refuse;
      out.push_back({"word", rule.action, refuse ? "filter-word-refuse" : "filter-word-hold",
                     words[i].begin, end - words[i].begin});
    }
  }
}

}  // namespace kidwiki::engine

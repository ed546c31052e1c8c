#include "engine/writing_help.h"

#include <algorithm>
#include <unordered_set>

#include "i18n/segments.h"
#include "i18n/text.h"
#include "writing/writing_lists.h"

namespace kidwiki::engine {
namespace {

constexpr int kStartWords = 8;          // how much of a long sentence is quoted
constexpr std::size_t kRareFrom = 4;    // shorter words are seldom the hard ones

std::size_t first_code_point_bytes(std::string_view word) {
  const auto lead = static_cast<unsigned char>(word.front());
  const std::size_t n = lead < 0x80 ? 1 : lead < 0xE0 ? 2 : lead < 0xF0 ? 3 : 4;
  return std::min(n, word.size());
}

// A word that starts with a capital is a name ("Bengale", "Jupiter"), which a list of common
// words does not hold and a reader does not need explained.
bool is_name(std::string_view word) {
  const std::string_view first = word.substr(0, first_code_point_bytes(word));
  return i18n::fold_case(first) != first;
}

bool has_digit(std::string_view word) {
  for (char c : word) {
    if (c >= '0' && c <= '9') return true;
  }
  return false;
}

// "l'éléphant" is looked up as "éléphant".
std::string_view after_elision(std::string_view word) {
  for (std::string_view mark : {"'", "\u2019"}) {
    if (auto at = word.rfind(mark); at != std::string_view::npos) word.remove_prefix(at + mark.size());
  }
  return word;
}

bool is_rare(std::string_view word, const WritingLists& lists) {
  word = after_elision(word);
  if (word.empty() || has_digit(word) || is_name(word)) return false;
  if (i18n::code_point_count(word) < kRareFrom) return false;
  return lists.common_words.count(i18n::fold_case(word)) == 0;
}

bool has_sources(const RenderResult& rendered, const WritingLists& lists) {
  for (const auto& heading : rendered.headings) {
    if (lists.sources_headings.count(i18n::fold_for_search(heading.text)) > 0) return true;
  }
  // A link to another site is a source too (the renderer's links to pages of the wiki are not
  // written with a scheme).
  return rendered.html.find("href=\"http") != std::string::npos;
}

}  // namespace

WritingAdvice writing_advice(const RenderResult& rendered, std::string_view lang) {
  WritingAdvice advice;
  const WritingLists& lists = writing_lists(lang);
  advice.rare_words_checked = !lists.common_words.empty();
  std::unordered_set<std::string> named;
  const std::string_view text = rendered.plain_text;
  for (const auto& span : i18n::sentence_spans(text, lang)) {
    const std::string_view sentence = text.substr(span.begin, span.end - span.begin);
    const auto words = i18n::word_spans(sentence, lang);
    ++advice.sentences;
    advice.words += static_cast<int>(words.size());
    if (static_cast<int>(words.size()) > kLongSentenceWords) {
      ++advice.long_sentence_count;
      if (advice.long_sentences.size() < kMostAdvice) {
        const auto& last = words[kStartWords - 1];
        advice.long_sentences.push_back(
            {std::string(sentence.substr(0, last.end)) + "\u2026", static_cast<int>(words.size())});
      }
    }
    if (!advice.rare_words_checked) continue;
    for (const auto& w : words) {
      const std::string_view word = sentence.substr(w.begin, w.end - w.begin);
      if (advice.rare_words.size() >= kMostAdvice || !is_rare(word, lists)) continue;
      const std::string shown(after_elision(word));
      if (named.insert(i18n::fold_case(shown)).second) advice.rare_words.push_back(shown);
    }
  }
  advice.sources_missing = advice.words > 0 && !has_sources(rendered, lists);
  return advice;
}

}  // namespace kidwiki::engine

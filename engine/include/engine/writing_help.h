// Help for young writers (issue 12): advice on a text, never a rule. It counts the sentences too
// long for an 8-to-13-year-old reader and the words they may not know (not among the language's
// common words), and notices an article without sources. It never blocks a save; the editor shows
// it beside the live preview (docs/writing-help.md). Pure and thread-safe.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "engine/render.h"

namespace kidwiki::engine {

// A sentence of more words than this is long for the readers of a children's encyclopedia.
inline constexpr int kLongSentenceWords = 25;
// At most this many long sentences and rare words are named: advice, not a list of faults.
inline constexpr std::size_t kMostAdvice = 5;

struct LongSentence {
  std::string start;  // its first words, to find it again ("Le tigre du Bengale, qui vit…")
  int words = 0;
};

struct WritingAdvice {
  int sentences = 0;
  int words = 0;
  int long_sentence_count = 0;              // all of them; `long_sentences` names the first few
  std::vector<LongSentence> long_sentences;
  std::vector<std::string> rare_words;      // distinct, in the order they first appear
  bool rare_words_checked = false;          // false: the language has no list of common words
  bool sources_missing = false;             // no "Sources" heading and no link to another site
};

// Advice on `rendered` (its plain text, headings and HTML) written in `lang`.
WritingAdvice writing_advice(const RenderResult& rendered, std::string_view lang);

}  // namespace kidwiki::engine

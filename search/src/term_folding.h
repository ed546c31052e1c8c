// How text becomes comparable words, the same way at index and at query time: case and accents
// folded (i18n::fold_for_search), French and English elisions split ("l'éléphant" is two words).
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace kidwiki::search {

// A word of a text, as a byte range of it.
struct WordSpan {
  std::size_t begin = 0;
  std::size_t end = 0;
};

// The words of UTF-8 text: runs of letters, digits and marks. Apostrophes, punctuation, spaces
// and symbols separate words. Invalid bytes count as separators. Linear in the input.
std::vector<WordSpan> scan_words(std::string_view text);

// The same words one at a time, for a reader that may stop early (snippets).
class WordCursor {
 public:
  explicit WordCursor(std::string_view text) : text_(text) {}
  // The next word, or false at the end of the text.
  bool next(WordSpan& word);

 private:
  std::string_view text_;
  std::size_t at_ = 0;
};

// The text for the folded fields: folded, apostrophes turned into spaces.
std::string fold_text(std::string_view text);
// The text for the exact field: case folded only (accents kept), apostrophes turned into spaces.
std::string exact_text(std::string_view text);

// One word, folded. ASCII words skip ICU, which matters when scanning long texts for snippets.
std::string fold_word(std::string_view word);

// The first `max_bytes` bytes of `s`, cut back to a code point boundary.
std::string_view truncate_utf8(std::string_view s, std::size_t max_bytes);

}  // namespace kidwiki::search

#include "term_folding.h"

#include <cstdint>

#include "i18n/text.h"

namespace kidwiki::search {
namespace {

// Decodes the code point at `i`, advancing `i`; -1 (one byte consumed) for an invalid sequence.
std::int32_t next_code_point(std::string_view s, std::size_t& i) {
  const auto byte = [&](std::size_t k) { return static_cast<unsigned char>(s[k]); };
  const unsigned char lead = byte(i);
  const int extra = lead < 0x80 ? 0 : lead >= 0xF0 ? 3 : lead >= 0xE0 ? 2 : lead >= 0xC2 ? 1 : -1;
  if (extra < 0 || lead > 0xF4 || i + extra >= s.size()) {
    ++i;
    return -1;
  }
  std::int32_t cp = extra == 0 ? lead : lead & (0x3F >> extra);
  for (int k = 1; k <= extra; ++k) {
    if ((byte(i + k) & 0xC0) != 0x80) {
      ++i;
      return -1;
    }
    cp = (cp << 6) | (byte(i + k) & 0x3F);
  }
  i += extra + 1;
  return cp;
}

// Why a list of separators rather than ICU's word breaker: this runs over every word of every
// result for snippets, and the scripts children's wikis use put their punctuation in these blocks.
bool is_word_code_point(std::int32_t cp) {
  if (cp < 0) return false;
  if (cp < 0x80) {
    return (cp >= '0' && cp <= '9') || (cp >= 'a' && cp <= 'z') || (cp >= 'A' && cp <= 'Z');
  }
  if (cp <= 0xBF) return cp == 0xAA || cp == 0xB5 || cp == 0xBA;  // Latin-1 punctuation
  if (cp == 0xD7 || cp == 0xF7) return false;                      // × ÷
  if (cp >= 0x2000 && cp <= 0x2BFF) return false;  // punctuation, symbols, arrows, shapes
  if (cp >= 0x3000 && cp <= 0x303F) return false;  // CJK punctuation
  if (cp >= 0xFE30 && cp <= 0xFE6F) return false;  // compatibility punctuation
  if (cp >= 0xFF00 && cp <= 0xFF0F) return false;  // fullwidth punctuation
  return cp != 0xFEFF;
}

std::string join_words(std::string_view text, bool fold) {
  std::string out;
  out.reserve(text.size());
  for (const WordSpan& w : scan_words(text)) {
    if (!out.empty()) out += ' ';
    out.append(text.substr(w.begin, w.end - w.begin));
  }
  return fold ? i18n::fold_for_search(out) : i18n::fold_case(out);
}

}  // namespace

bool WordCursor::next(WordSpan& word) {
  std::size_t start = std::string_view::npos;
  while (at_ < text_.size()) {
    const std::size_t here = at_;
    const bool letter = is_word_code_point(next_code_point(text_, at_));
    if (letter && start == std::string_view::npos) start = here;
    if (!letter && start != std::string_view::npos) {
      word = {start, here};
      return true;
    }
  }
  if (start == std::string_view::npos) return false;
  word = {start, text_.size()};
  return true;
}

std::vector<WordSpan> scan_words(std::string_view text) {
  std::vector<WordSpan> words;
  WordCursor cursor(text);
  for (WordSpan word; cursor.next(word);) words.push_back(word);
  return words;
}

std::string fold_text(std::string_view text) { return join_words(text, true); }

std::string exact_text(std::string_view text) { return join_words(text, false); }

std::string fold_word(std::string_view word) {
  bool ascii = true;
  for (char c : word) ascii = ascii && static_cast<unsigned char>(c) < 0x80;
  if (!ascii) return i18n::fold_for_search(word);
  std::string out(word);
  for (char& c : out) {
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  }
  return out;
}

std::string_view truncate_utf8(std::string_view s, std::size_t max_bytes) {
  if (s.size() <= max_bytes) return s;
  std::size_t end = max_bytes;
  while (end > 0 && (static_cast<unsigned char>(s[end]) & 0xC0) == 0x80) --end;
  return s.substr(0, end);
}

}  // namespace kidwiki::search

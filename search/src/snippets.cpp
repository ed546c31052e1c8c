#include "snippets.h"

#include "i18n/escape.h"

#include <map>
#include <optional>
#include <vector>

#include "fields.h"
#include "term_folding.h"

namespace kidwiki::search {
namespace {

// A word of the text that matches the query, and which query term it matched: the word as typed
// or a stem. A window counts terms, so that one holding "chevaux" as typed and "cheval" beats one
// holding "cheval" alone.
struct Match {
  std::size_t word_index;
  std::string term;
};

bool shares_start(const std::string& folded, const std::set<std::string>& starts) {
  return starts.count(folded.substr(0, 3)) > 0;
}

// The base letter of an ASCII letter or digit or of a common accented Latin-1 letter, folded as
// i18n::fold_for_search folds it; 0 for anything else.
char base_letter(unsigned char c, unsigned char next, int& length) {
  length = 1;
  if (c < 0x80) {
    if (c >= 'A' && c <= 'Z') return static_cast<char>(c - 'A' + 'a');
    return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') ? static_cast<char>(c) : 0;
  }
  if (c != 0xC3 || next < 0x80 || next > 0xBF) return 0;
  length = 2;
  // U+00C0..U+00FF as "\xC3\x80".."\xC3\xBF": upper and lower case share the second byte's
  // low five bits.
  static constexpr char kBase[32] = {'a', 'a', 'a', 'a', 'a', 'a', 0,   'c', 'e', 'e', 'e',
                                     'e', 'i', 'i', 'i', 'i', 0,   'n', 'o', 'o', 'o', 'o',
                                     'o', 0,   0,   'u', 'u', 'u', 'u', 'y', 0,   0};
  if (next == 0xBF) return 'y';  // ÿ
  return kBase[next & 0x1F];
}

// The first three bytes of fold_word(word) when they can be had without ICU (ASCII and the
// accented letters of French and its neighbours), else empty. Why: folding every word of a
// 26,000-word article through ICU made a results page slow; most words are rejected here.
std::optional<std::string> quick_start(std::string_view word) {
  std::string out;
  std::size_t i = 0;
  while (out.size() < 3 && i < word.size()) {
    int length = 0;
    const auto next = static_cast<unsigned char>(i + 1 < word.size() ? word[i + 1] : 0);
    const char base = base_letter(static_cast<unsigned char>(word[i]), next, length);
    if (base == 0) return std::nullopt;
    out += base;
    i += static_cast<std::size_t>(length);
  }
  return out;
}

// The first words of the text up to the first window of `width` words holding the most distinct
// query terms. Scanning stops as soon as a window holds all of them, which no later window can
// beat: most snippets are found in an article's first paragraphs, and scanning the whole 64 KB of
// each of ten long results was most of a results page's time.
struct Scan {
  std::vector<WordSpan> spans;  // the words read, all of the text's if no window was complete
  std::vector<Match> matches;
  std::size_t window_start = 0;  // the first word of the best window
};

class Scanner {
 public:
  Scanner(std::string_view text, const HighlightTerms& terms, const Xapian::Stem& stemmer,
          std::size_t width)
      : text_(text), terms_(terms), stemmer_(stemmer), width_(width) {
    // Stemming every word of a 26,000-word article is too slow for a results page: stem only
    // the words that start like a query word or stem.
    for (const auto& set : {terms.words, terms.stems}) {
      for (const std::string& t : set) starts_.insert(t.substr(0, 3));
    }
  }

  Scan run() {
    std::size_t best = 0;
    std::size_t lo = 0;
    std::set<std::string> all_terms = terms_.words;
    all_terms.insert(terms_.stems.begin(), terms_.stems.end());
    const std::size_t wanted = all_terms.size();
    WordCursor cursor(text_);
    for (WordSpan span; cursor.next(span);) {
      scan_.spans.push_back(span);
      // One word past the window, so that the snippet knows the text goes on.
      if (done_ && scan_.spans.size() > scan_.window_start + width_ + 1) break;
      // Past the best window, words are still matched to be marked, not counted.
      if (!match(scan_.spans.size() - 1) || done_) continue;
      const std::vector<Match>& m = scan_.matches;
      ++in_window_[m.back().term];
      while (m.back().word_index - m[lo].word_index >= width_) {
        if (--in_window_[m[lo].term] == 0) in_window_.erase(m[lo].term);
        ++lo;
      }
      if (in_window_.size() > best) {
        best = in_window_.size();
        scan_.window_start = m[lo].word_index;
        done_ = best >= wanted;
      }
    }
    return std::move(scan_);
  }

 private:
  bool match(std::size_t index) {
    const WordSpan& span = scan_.spans[index];
    const std::string_view word = text_.substr(span.begin, span.end - span.begin);
    if (auto start = quick_start(word); start && !starts_.count(*start)) return false;
    const std::string folded = fold_word(word);
    if (!shares_start(folded, starts_)) return false;
    if (terms_.words.count(folded)) {
      scan_.matches.push_back({index, folded});
      return true;
    }
    std::string stem = stemmer_(folded);
    if (!terms_.stems.count(stem)) return false;
    scan_.matches.push_back({index, std::move(stem)});
    return true;
  }

  std::string_view text_;
  const HighlightTerms& terms_;
  const Xapian::Stem& stemmer_;
  std::size_t width_;
  std::set<std::string> starts_;
  std::map<std::string, int> in_window_;
  bool done_ = false;
  Scan scan_;
};

}  // namespace

std::string make_snippet(std::string_view text, const HighlightTerms& terms,
                         const Xapian::Stem& stemmer, int words) {
  text = truncate_utf8(text, fields::kStoredTextBytes);
  const std::size_t width = static_cast<std::size_t>(words > 0 ? words : 1);
  const Scan scan = Scanner(text, terms, stemmer, width).run();
  const std::vector<WordSpan>& spans = scan.spans;
  if (spans.empty()) return i18n::html_escaped(text.substr(0, 200));
  const std::vector<Match>& matches = scan.matches;
  // A few words of context before the first match read better than starting on it.
  const std::size_t first = scan.window_start >= 4 ? scan.window_start - 4 : 0;
  const std::size_t last = std::min(spans.size(), first + width) - 1;
  std::string out = first > 0 ? "… " : "";
  std::size_t cursor = spans[first].begin;
  auto match = matches.begin();
  for (std::size_t i = first; i <= last; ++i) {
    while (match != matches.end() && match->word_index < i) ++match;
    if (match == matches.end() || match->word_index != i) continue;
    out += i18n::html_escaped(text.substr(cursor, spans[i].begin - cursor));
    out += "<mark>" + i18n::html_escaped(text.substr(spans[i].begin, spans[i].end - spans[i].begin)) +
           "</mark>";
    cursor = spans[i].end;
  }
  out += i18n::html_escaped(text.substr(cursor, spans[last].end - cursor));
  if (last + 1 < spans.size()) out += " …";
  return out;
}

}  // namespace kidwiki::search

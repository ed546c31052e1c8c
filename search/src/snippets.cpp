#include "snippets.h"

#include "i18n/escape.h"

#include <algorithm>
#include <deque>
#include <map>
#include <optional>
#include <set>
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

// Which query term a word of the text matches, the way the index matches words.
class TermMatcher {
 public:
  TermMatcher(const HighlightTerms& terms, const Xapian::Stem& stemmer)
      : terms_(terms), stemmer_(stemmer) {
    // Stemming every word of a 26,000-word article is too slow for a results page: stem only
    // the words that start like a query word or stem.
    for (const auto& set : {terms.words, terms.stems}) {
      for (const std::string& t : set) starts_.insert(t.substr(0, 3));
    }
  }

  // The word as typed (folded) when the query has it, else its stem when the query has that.
  std::optional<std::string> term_of(std::string_view word) const {
    if (auto start = quick_start(word); start && !starts_.count(*start)) return std::nullopt;
    std::string folded = fold_word(word);
    if (!shares_start(folded, starts_)) return std::nullopt;
    if (terms_.words.count(folded)) return folded;
    std::string stem = stemmer_(folded);
    if (!terms_.stems.count(stem)) return std::nullopt;
    return stem;
  }

 private:
  const HighlightTerms& terms_;
  const Xapian::Stem& stemmer_;
  std::set<std::string> starts_;
};

// The first window of `width` words holding the most distinct query terms. Scanning stops as soon
// as a window holds all of them, which no later window can beat: most snippets are found in an
// article's first paragraphs, and scanning the whole 64 KB of each of ten long results was most
// of a results page's time. Memory stays in proportion to the window, not to the text: a page
// lacking one of the query's words is read to its end, and keeping every word of it (ten times
// 10,000 spans, fresh pages from the kernel each time) was a third of a slow query's time.
struct Scan {
  std::size_t words = 0;            // words read
  std::size_t shown_from_word = 0;  // where the snippet starts: a few words before the window
  std::size_t shown_from_byte = 0;  // ... that word's first byte
};

// Words of context shown before the window's first match: they read better than starting on it.
constexpr std::size_t kContextBefore = 4;

class Scanner {
 public:
  Scanner(std::string_view text, const TermMatcher& matcher, std::size_t wanted,
          const std::set<std::string>& enough, std::size_t width)
      : text_(text), matcher_(matcher), wanted_(wanted), enough_(enough), width_(width),
        recent_begins_(width + kContextBefore + 1) {}

  Scan run() {
    std::size_t best = 0;
    WordCursor cursor(text_);
    for (WordSpan span; cursor.next(span);) {
      const std::size_t index = scan_.words++;
      recent_begins_[index % recent_begins_.size()] = span.begin;
      if (index == 0) scan_.shown_from_byte = span.begin;  // nothing matches: the text's start
      std::optional<std::string> term =
          matcher_.term_of(text_.substr(span.begin, span.end - span.begin));
      if (!term) continue;
      matches_.push_back({index, std::move(*term)});
      ++in_window_[matches_.back().term];
      while (matches_.back().word_index - matches_.front().word_index >= width_) {
        if (--in_window_[matches_.front().term] == 0) in_window_.erase(matches_.front().term);
        matches_.pop_front();
      }
      if (in_window_.size() > best) {
        best = in_window_.size();
        remember_window(matches_.front().word_index);
        if (best >= wanted_) break;
      }
      if (!enough_.empty() && holds_enough()) {
        remember_window(matches_.front().word_index);
        break;
      }
    }
    return scan_;
  }

 private:
  bool holds_enough() const {
    return std::all_of(enough_.begin(), enough_.end(),
                       [&](const std::string& term) { return in_window_.count(term) > 0; });
  }

  // The window starts at most width - 1 words back, so its context is still in recent_begins_.
  void remember_window(std::size_t window_start) {
    scan_.shown_from_word = window_start >= kContextBefore ? window_start - kContextBefore : 0;
    scan_.shown_from_byte = recent_begins_[scan_.shown_from_word % recent_begins_.size()];
  }

  std::string_view text_;
  const TermMatcher& matcher_;
  std::size_t wanted_;  // distinct query terms: a window holding them all cannot be beaten
  const std::set<std::string>& enough_;
  std::size_t width_;
  std::map<std::string, int> in_window_;
  std::deque<Match> matches_;  // the matches in the current window, oldest first
  std::vector<std::size_t> recent_begins_;  // the first byte of the last words read, in a ring
  Scan scan_;
};

}  // namespace

std::string make_snippet(std::string_view text, const HighlightTerms& terms,
                         const Xapian::Stem& stemmer, int words,
                         const std::set<std::string>& enough) {
  text = truncate_utf8(text, fields::kStoredTextBytes);
  const std::size_t width = static_cast<std::size_t>(words > 0 ? words : 1);
  std::set<std::string> all_terms = terms.words;
  all_terms.insert(terms.stems.begin(), terms.stems.end());
  const TermMatcher matcher(terms, stemmer);
  const Scan scan = Scanner(text, matcher, all_terms.size(), enough, width).run();
  if (scan.words == 0) return i18n::html_escaped(text.substr(0, 200));
  // Reads the shown words again from where they start, a window's worth and one more so as to
  // know whether the text goes on, marking every match among them (the scan may have stopped
  // at the window's first words).
  const std::string_view shown = text.substr(scan.shown_from_byte);
  WordCursor cursor(shown);
  std::string out = scan.shown_from_word > 0 ? "… " : "";
  std::size_t copied = 0;  // bytes of `shown` already in `out`
  std::size_t end = 0;     // the end of the last shown word
  WordSpan span;
  for (std::size_t i = 0; i < width && cursor.next(span); ++i) {
    end = span.end;
    const std::string_view word = shown.substr(span.begin, span.end - span.begin);
    if (!matcher.term_of(word)) continue;
    out += i18n::html_escaped(shown.substr(copied, span.begin - copied));
    out += "<mark>" + i18n::html_escaped(word) + "</mark>";
    copied = span.end;
  }
  out += i18n::html_escaped(shown.substr(copied, end - copied));
  if (cursor.next(span)) out += " …";
  return out;
}

}  // namespace kidwiki::search

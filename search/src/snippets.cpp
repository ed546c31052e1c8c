#include "snippets.h"

#include "i18n/escape.h"

#include <map>
#include <optional>
#include <vector>

#include "term_folding.h"

namespace kidwiki::search {
namespace {

// A word of the text that matches the query, and which query term it matched.
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

std::vector<Match> find_matches(std::string_view text, const std::vector<WordSpan>& spans,
                                const HighlightTerms& terms, const Xapian::Stem& stemmer) {
  // Stemming every word of a 26,000-word article is too slow for a results page: stem only the
  // words that start like a query word or stem.
  std::set<std::string> starts;
  for (const auto& set : {terms.words, terms.stems}) {
    for (const std::string& t : set) starts.insert(t.substr(0, 3));
  }
  std::vector<Match> matches;
  for (std::size_t i = 0; i < spans.size(); ++i) {
    const std::string_view word = text.substr(spans[i].begin, spans[i].end - spans[i].begin);
    if (auto start = quick_start(word); start && !starts.count(*start)) continue;
    const std::string folded = fold_word(word);
    if (!shares_start(folded, starts)) continue;
    if (terms.words.count(folded)) {
      matches.push_back({i, folded});
    } else if (std::string stem = stemmer(folded); terms.stems.count(stem)) {
      matches.push_back({i, stem});
    }
  }
  return matches;
}

// The first word of the window of `width` words holding the most distinct matched terms.
std::size_t best_window(const std::vector<Match>& matches, std::size_t width) {
  std::size_t best_start = 0, best_count = 0, lo = 0;
  std::map<std::string, int> in_window;
  for (std::size_t hi = 0; hi < matches.size(); ++hi) {
    ++in_window[matches[hi].term];
    while (matches[hi].word_index - matches[lo].word_index >= width) {
      if (--in_window[matches[lo].term] == 0) in_window.erase(matches[lo].term);
      ++lo;
    }
    if (in_window.size() > best_count) {
      best_count = in_window.size();
      best_start = matches[lo].word_index;
    }
  }
  // A few words of context before the first match read better than starting on it.
  return best_start >= 4 ? best_start - 4 : 0;
}

}  // namespace

// How much of an article a snippet is looked for in. Why a bound: the longest articles (lists of
// species) have 25,000 words, and a snippet from their first 64 KB reads as well.
constexpr std::size_t kSnippetScanBytes = 64 * 1024;

std::string make_snippet(std::string_view text, const HighlightTerms& terms,
                         const Xapian::Stem& stemmer, int words) {
  text = text.substr(0, kSnippetScanBytes);
  const std::vector<WordSpan> spans = scan_words(text);
  if (spans.empty()) return i18n::html_escaped(text.substr(0, 200));
  const std::vector<Match> matches = find_matches(text, spans, terms, stemmer);
  const std::size_t width = static_cast<std::size_t>(words > 0 ? words : 1);
  const std::size_t first = best_window(matches, width);
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

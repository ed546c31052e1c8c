// Content filters: bad words and personal information in what pupils write, checked on save.
// A pure component: no storage, no I/O. Every check runs in time linear in its input (hand-written
// scanners, no regular expressions), so a filter is never the slow part of a save.
#pragma once

#include <cstddef>
#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

namespace kidwiki::engine {

enum class FilterAction {
  hold,    // the edit waits for an adult's review
  refuse,  // the edit is not saved (422); the pupil's text stays in the editor
};

// One entry of a word list. `words` is one word or a short phrase ("ta gueule"), compared
// whole-word after normalisation (see ContentFilter), so its spelling and case do not matter.
struct WordRule {
  std::string words;
  FilterAction action = FilterAction::hold;
};

struct FilterMatch {
  std::string rule;  // "word", "email", "phone", "address", "social", "birth-date", "birth-year"
  FilterAction action;
  std::string message_id;  // what to tell the writer, in the i18n catalogs (filter.json)
  std::size_t offset;      // byte range of the match in the text as given
  std::size_t length;
};

// A match as the writer sees it: in which field, at which characters (Unicode code points of
// the field as saved: NFC, "\n" line ends), and the words themselves. What a refusal points at
// (the editor selects it) and what a held edit shows its author and its reviewers.
struct FilterFinding {
  std::string rule;
  std::string message_id;
  std::string field;  // "text", "summary" or "title"
  std::int64_t start = 0;
  std::int64_t length = 0;
  std::string excerpt;
};

struct FilterResult {
  std::vector<FilterMatch> matches;  // in order of offset
  bool refused() const;              // some match refuses the edit
  bool held() const;                 // nothing refuses, but something holds the edit
};

class ContentFilter {
 public:
  // The built-in word list of an edition (i18n/filters/<lang>.txt, compiled in); a language
  // without a list gets the personal-information detectors only. `reference_year` is "now" for
  // the birth-date checks (a birth year is one of the last kChildYears years before it).
  static ContentFilter for_edition(std::string_view lang, int reference_year);
  // Parses a list in the format of i18n/filters/*.txt ("word<TAB or spaces>hold|refuse", '#'
  // comments); lines that do not parse are skipped. For admin-edited lists and tests.
  static std::vector<WordRule> parse_word_list(std::string_view text);

  ContentFilter(const std::vector<WordRule>& words, int reference_year);
  ~ContentFilter();
  ContentFilter(ContentFilter&&) noexcept;
  ContentFilter& operator=(ContentFilter&&) noexcept;

  // Page text: word list, e-mail addresses, phone numbers, street addresses, social-media handles
  // and links, dates of birth. Words are matched case- and accent-blind, through look-alike
  // letters ("C0N", Cyrillic "сon"), spaced-out letters ("c o n", "c.o.n") and stretched ones
  // ("connnn"), but only as whole words ("Mâcon", "raconter" pass). Invalid UTF-8 is treated as
  // U+FFFD. Thread-safe.
  FilterResult check_text(std::string_view text) const;
  // An edit summary: the same checks as page text.
  FilterResult check_summary(std::string_view summary) const;
  // A new username: word list, e-mail, phone digits even split by '_' ("Lucas_06_12_34_56_78"),
  // and a recent birth year ("lea2014"). Every match refuses: a name is easy to change.
  FilterResult check_username(std::string_view name) const;

  static constexpr int kChildYears = 25;

 private:
  struct Impl;
  std::unique_ptr<const Impl> impl_;
};

}  // namespace kidwiki::engine

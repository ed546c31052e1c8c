// The words a filter held, marked in a review's diff: table-driven over where the words stand.
#include "diff/held_marks.h"

#include <doctest/doctest.h>

#include <string>
#include <vector>

#include "engine/diff.h"

using namespace kidwiki::engine;

namespace {

FilterFinding text_finding(std::int64_t start, std::int64_t length) {
  return FilterFinding{"address", "filter-reason-address", "text", start, length, ""};
}

// The right side of every row with one (context rows too), held words in [brackets], changed
// words in {braces}.
std::string marked(const DiffResult& diff) {
  std::string out;
  for (const auto& row : diff.rows) {
    if (row.right.empty()) continue;
    for (const auto& seg : row.right) {
      std::string piece = seg.text;
      if (seg.changed) piece = "{" + piece + "}";
      if (seg.held) piece = "[" + piece + "]";
      out += piece;
    }
    out += "|";
  }
  return out;
}

struct Case {
  const char* name;
  const char* before;
  const char* after;
  std::vector<FilterFinding> findings;
  const char* expected;
};

}  // namespace

TEST_CASE("mark_held marks the held words of the right side where they stand") {
  const std::vector<Case> cases = {
      {"nothing held leaves the diff as it was", "Un chat.\n", "Un chat noir.\n", {},
       "Un chat{ noir}.|"},
      {"a held word in an added line", "Un chat.\n", "Un chat.\nJ’habite 3 rue Foch.\n",
       {text_finding(18, 10)}, "Un chat.|{J’habite }[{3 rue Foch}]{.}|"},
      {"a held word inside a changed line, across changed and unchanged words",
       "Léa habite Lyon.\n", "Léa habite 3 rue Foch à Lyon.\n", {text_finding(11, 10)},
       "Léa habite [{3 rue Foch}]{ à }Lyon.|"},
      {"code points, not bytes: accents before the word", "é\n", "é\néèà idiot\n",
       {text_finding(6, 5)}, "é|{éèà }[{idiot}]|"},
      {"two findings on one line, and one overlapping another", "a\n", "a\nx aa bb cc\n",
       {text_finding(4, 2), text_finding(7, 2), text_finding(8, 4)},
       "a|{x }[{aa}]{ }[{bb cc}]|"},
      {"a summary finding marks nothing in the text", "a\n", "a\nb\n",
       {FilterFinding{"word", "filter-reason-word", "summary", 0, 1, "a"}}, "a|{b}|"},
      {"a finding past the end of the text is ignored", "a\n", "a\nb\n", {text_finding(50, 3)},
       "a|{b}|"},
      {"Windows line ends: the carriage return is not part of the line", "a\r\n",
       "a\r\nbb cc\r\n", {text_finding(3, 2)}, "a|[{bb}]{ cc}|"},
  };
  for (const auto& c : cases) {
    CAPTURE(c.name);
    DiffResult diff = diff_texts(c.before, c.after);
    mark_held(diff, c.after, c.findings);
    CHECK(marked(diff) == c.expected);
  }
}

TEST_CASE("mark_held keeps each side's segments joined to its line") {
  const std::string before = "Le chat dort.\nIl mange.\n";
  const std::string after = "Le chat dort sur le toit.\nIl mange 3 rue Foch.\nFin.\n";
  DiffResult diff = diff_texts(before, after);
  mark_held(diff, after, {text_finding(35, 10), text_finding(0, 2)});
  std::vector<std::string> lines;
  for (const auto& row : diff.rows) {
    std::string joined;
    for (const auto& seg : row.right) joined += seg.text;
    if (row.right_line > 0) lines.push_back(joined);
  }
  CHECK(lines == std::vector<std::string>{"Le chat dort sur le toit.", "Il mange 3 rue Foch.", "Fin."});
  bool left_held = false;
  for (const auto& row : diff.rows) {
    for (const auto& seg : row.left) left_held = left_held || seg.held;
  }
  CHECK_FALSE(left_held);
}

#include "engine/diff.h"

#include <doctest/doctest.h>

#include <algorithm>
#include <random>
#include <string>
#include <vector>

namespace kidwiki::engine {
namespace {

// One line per row: "<kind><left>|<right> <left text> | <right text>", changed words in [] on the
// left and {} on the right. Kinds: ' ' context, '-' removed, '+' added, '*' changed, '~' gap.
std::string side_text(const std::vector<DiffSegment>& segments, char open, char close) {
  std::string out;
  for (const DiffSegment& s : segments) {
    out += s.changed ? open + s.text + close : s.text;
  }
  return out;
}

std::string describe(const DiffResult& result) {
  static constexpr char kKinds[] = {' ', '-', '+', '*', '~'};
  std::string out;
  for (const DiffRow& row : result.rows) {
    out += kKinds[static_cast<int>(row.kind)];
    out += std::to_string(row.left_line) + "|" + std::to_string(row.right_line);
    if (row.kind == DiffRowKind::context) out += " " + side_text(row.left, '[', ']');
    if (row.kind == DiffRowKind::removed) out += " " + side_text(row.left, '[', ']');
    if (row.kind == DiffRowKind::added) out += " " + side_text(row.right, '{', '}');
    if (row.kind == DiffRowKind::changed) {
      out += " " + side_text(row.left, '[', ']') + " | " + side_text(row.right, '{', '}');
    }
    out += "\n";
  }
  return out;
}

struct DiffCase {
  const char* name;
  const char* from;
  const char* to;
  int context;
  const char* rows;
  int added;
  int removed;
};

const DiffCase kDiffCases[] = {
    {"same text", "a\nb\n", "a\nb\n", 2, "", 0, 0},
    {"both empty", "", "", 2, "", 0, 0},
    {"final newline added is no change", "a\nb", "a\nb\n", 2, "", 0, 0},
    {"final newline removed is no change", "a\nb\n", "a\nb", 2, "", 0, 0},
    {"crlf reads as lf", "a\r\nb\r\n", "a\nb\n", 2, "", 0, 0},
    {"one word changed", "The cat sleeps.\n", "The dog sleeps.\n", 2,
     "*1|1 The [cat] sleeps. | The {dog} sleeps.\n", 1, 1},
    {"line appended", "a\nb\n", "a\nb\nc\n", 2, " 1|1 a\n 2|2 b\n+0|3 {c}\n", 1, 0},
    {"line appended without final newline", "a\nb", "a\nb\nc", 1, "~1|1\n 2|2 b\n+0|3 {c}\n", 1, 0},
    {"first line removed", "a\nb\nc\nd\n", "b\nc\nd\n", 1, "-1|0 [a]\n 2|1 b\n~3|2\n", 0, 1},
    {"from empty", "", "a\nb\n", 2, "+0|1 {a}\n+0|2 {b}\n", 2, 0},
    {"to empty", "a\n", "", 2, "-1|0 [a]\n", 0, 1},
    {"gaps around a change", "1\n2\n3\n4\n5\n6\n7\n8\n9\n", "1\n2\n3\n4\nfive\n6\n7\n8\n9\n", 1,
     "~1|1\n 4|4 4\n*5|5 [5] | {five}\n 6|6 6\n~7|7\n", 1, 1},
    {"no gap between close changes", "1\n2\n3\n4\n5\n6\n", "one\n2\n3\n4\nfive\n6\n", 2,
     "*1|1 [1] | {one}\n 2|2 2\n 3|3 3\n 4|4 4\n*5|5 [5] | {five}\n 6|6 6\n", 2, 2},
    {"gap between far changes", "1\n2\n3\n4\n5\n6\n", "one\n2\n3\n4\n5\nsix\n", 1,
     "*1|1 [1] | {one}\n 2|2 2\n~3|3\n 5|5 5\n*6|6 [6] | {six}\n", 2, 2},
    {"no context", "a\nb\nc\n", "a\nB\nc\n", 0, "~1|1\n*2|2 [b] | {B}\n~3|3\n", 1, 1},
    {"negative context counts as none", "a\nb\n", "a\nc\n", -3, "~1|1\n*2|2 [b] | {c}\n", 1, 1},
    {"more removed than added", "a\nb\nc\n", "x\n", 2, "*1|1 [a] | {x}\n-2|0 [b]\n-3|0 [c]\n", 1,
     3},
    {"more added than removed", "a\n", "x\ny\n", 2, "*1|1 [a] | {x}\n+0|2 {y}\n", 2, 1},
    {"punctuation alone is marked", "Hello, world\n", "Hello! world\n", 2,
     "*1|1 Hello[,] world | Hello{!} world\n", 1, 1},
    {"phrase marked as one piece", "a big red ball\n", "a small blue ball\n", 2,
     "*1|1 a [big red] ball | a {small blue} ball\n", 1, 1},
    {"accented words stay whole", "L\u2019\u00e9l\u00e9phant d\u2019Afrique\n",
     "L\u2019\u00e9l\u00e9phant d\u2019Asie\n", 2,
     "*1|1 L\u2019\u00e9l\u00e9phant d\u2019[Afrique] | L\u2019\u00e9l\u00e9phant d\u2019{Asie}\n",
     1, 1},
    {"french quotes split from words", "\u00ab\u00a0Bonjour\u00a0\u00bb\n",
     "\u00ab\u00a0Salut\u00a0\u00bb\n", 2,
     "*1|1 \u00ab\u00a0[Bonjour]\u00a0\u00bb | \u00ab\u00a0{Salut}\u00a0\u00bb\n", 1, 1},
    {"empty line added", "a\nb\n", "a\n\nb\n", 0, "~1|1\n+0|2 \n~2|3\n", 1, 0},
    {"word added at end of line", "I like apples\n", "I like apples and pears\n", 2,
     "*1|1 I like apples | I like apples{ and pears}\n", 1, 1},
};

TEST_CASE("diff_texts: rows, line numbers and marked words") {
  for (const DiffCase& c : kDiffCases) {
    CAPTURE(std::string(c.name));
    DiffResult result = diff_texts(c.from, c.to, c.context);
    CHECK(describe(result) == c.rows);
    CHECK(result.lines_added == c.added);
    CHECK(result.lines_removed == c.removed);
  }
}

// Rebuilds both texts from rows that leave nothing out.
std::vector<std::string> side_lines(const DiffResult& result, bool left) {
  std::vector<std::string> lines;
  for (const DiffRow& row : result.rows) {
    if ((left ? row.left_line : row.right_line) == 0) continue;
    std::string line;
    for (const DiffSegment& s : left ? row.left : row.right) line += s.text;
    lines.push_back(line);
  }
  return lines;
}

std::vector<std::string> lines_of(const std::string& text) {
  std::vector<std::string> lines;
  std::size_t start = 0;
  while (start < text.size()) {
    std::size_t end = text.find('\n', start);
    lines.push_back(text.substr(start, end - start));
    start = end + 1;
  }
  return lines;
}

std::string random_text(std::mt19937& rng) {
  static const char* kWords[] = {"cat", "dog", "sun", " ", ",", "é", "« ", "sea", "!", ""};
  std::string text;
  int line_count = static_cast<int>(rng() % 8);
  for (int l = 0; l < line_count; ++l) {
    int word_count = static_cast<int>(rng() % 5);
    for (int w = 0; w < word_count; ++w) text += kWords[rng() % 10];
    text += "\n";
  }
  return text;
}

TEST_CASE("diff_texts: random texts come back whole from full-context rows") {
  std::mt19937 rng(20240611);
  for (int round = 0; round < 2000; ++round) {
    std::string from = random_text(rng);
    std::string to = random_text(rng);
    CAPTURE(from);
    CAPTURE(to);
    DiffResult result = diff_texts(from, to, 1000);
    if (lines_of(from) == lines_of(to)) {
      CHECK(result.rows.empty());
      continue;
    }
    CHECK(side_lines(result, true) == lines_of(from));
    CHECK(side_lines(result, false) == lines_of(to));
    int changed_left = 0, changed_right = 0;
    for (const DiffRow& row : result.rows) {
      changed_left += row.kind == DiffRowKind::removed || row.kind == DiffRowKind::changed;
      changed_right += row.kind == DiffRowKind::added || row.kind == DiffRowKind::changed;
    }
    CHECK(result.lines_removed == changed_left);
    CHECK(result.lines_added == changed_right);
  }
}

// About 2 MiB: 40,000 distinct lines of some fifty bytes.
std::vector<std::string> big_lines() {
  std::vector<std::string> lines;
  for (int i = 0; i < 40000; ++i) {
    lines.push_back("Line " + std::to_string(i) + " of a long article about elephants and rivers.");
  }
  return lines;
}

std::string joined(const std::vector<std::string>& lines) {
  std::string text;
  for (const std::string& line : lines) text += line + "\n";
  return text;
}

TEST_CASE("diff_texts: 2 MiB with scattered edits" * doctest::timeout(60)) {
  std::vector<std::string> lines = big_lines();
  std::string from = joined(lines);
  for (std::size_t i = 100; i < lines.size(); i += 400) lines[i] += " Edited.";
  lines.insert(lines.begin() + 20000, "A new line in the middle.");
  DiffResult result = diff_texts(from, joined(lines));
  CHECK(result.lines_added == 101);
  CHECK(result.lines_removed == 100);
}

TEST_CASE("diff_texts: 2 MiB with every line moved" * doctest::timeout(60)) {
  std::vector<std::string> lines = big_lines();
  std::vector<std::string> reversed(lines.rbegin(), lines.rend());
  DiffResult result = diff_texts(joined(lines), joined(reversed));
  CHECK(result.lines_removed == 39999);
  CHECK(result.lines_added == 39999);
}

TEST_CASE("diff_texts: 2 MiB with every line changed" * doctest::timeout(60)) {
  std::vector<std::string> lines = big_lines();
  std::vector<std::string> other = lines;
  for (std::string& line : other) line = "Other " + line;
  DiffResult result = diff_texts(joined(lines), joined(other));
  CHECK(result.lines_added == 40000);
  REQUIRE(result.rows.size() == 40000);
  CHECK(result.rows[5].right[0].text == "Other ");
  CHECK(result.rows[5].right[0].changed);
}

TEST_CASE("diff_texts: one word changed in a 2 MiB paragraph" * doctest::timeout(60)) {
  std::string paragraph = joined(big_lines());
  std::replace(paragraph.begin(), paragraph.end(), '\n', ' ');
  std::string edited = paragraph;
  edited.replace(edited.find("elephants", 1000000), 9, "giraffes");
  DiffResult result = diff_texts(paragraph, edited);
  REQUIRE(result.rows.size() == 1);
  REQUIRE(result.rows[0].left.size() == 3);
  CHECK(result.rows[0].left[1].text == "elephants");
  CHECK(result.rows[0].right[1].text == "giraffes");
}

}  // namespace
}  // namespace kidwiki::engine

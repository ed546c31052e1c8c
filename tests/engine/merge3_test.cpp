#include <doctest/doctest.h>

#include <algorithm>
#include <optional>
#include <random>
#include <string>
#include <vector>

#include "engine/diff.h"

namespace kidwiki::engine {
namespace {

constexpr const char* kConflict = nullptr;

struct MergeCase {
  const char* name;
  const char* base;
  const char* mine;
  const char* theirs;
  const char* merged;  // kConflict when the merge must fail
};

// The rows marked "dtl::Diff3" are where dtl's own three-way merge goes wrong (a false conflict,
// a lost deletion), which is why merge3 builds on two dtl diffs instead.
const MergeCase kMergeCases[] = {
    {"nothing changed", "a\nb\n", "a\nb\n", "a\nb\n", "a\nb\n"},
    {"only mine changed", "a\nb\n", "a\nB\n", "a\nb\n", "a\nB\n"},
    {"only theirs changed", "a\nb\n", "a\nb\n", "A\nb\n", "A\nb\n"},
    {"same edit on both sides", "a\nb\nc\n", "a\nX\nc\n", "a\nX\nc\n", "a\nX\nc\n"},
    {"same edit plus another (dtl::Diff3)", "a\nb\nc\nd\ne\nf\n", "a\nX\nc\nd\ne\nf\n",
     "a\nX\nc\nd\ne\nf\ng\n", "a\nX\nc\nd\ne\nf\ng\n"},
    {"lines far apart", "a\nb\nc\nd\ne\n", "a\nX\nc\nd\ne\n", "a\nb\nc\nY\ne\n", "a\nX\nc\nY\ne\n"},
    {"neighbouring lines", "a\nb\nc\nd\n", "a\nX\nc\nd\n", "a\nb\nY\nd\n", "a\nX\nY\nd\n"},
    {"same line edited twice", "a\nb\nc\n", "a\nX\nc\n", "a\nY\nc\n", kConflict},
    {"deleted on one side, kept on the other", "a\nb\nc\nd\ne\n", "a\nc\nd\ne\n", "a\nb\nc\nd\nY\n",
     "a\nc\nd\nY\n"},
    {"deleted on one side, edited on the other (dtl::Diff3)", "a\nb\nc\n", "a\nc\n", "a\nY\nc\n",
     kConflict},
    {"deleted on both sides", "a\nb\nc\n", "a\nc\n", "a\nc\n", "a\nc\n"},
    {"deleted on both sides with other edits", "a\nb\nc\nd\ne\n", "a\nc\nd\nE\n", "a\nc\nD\ne\n",
     "a\nc\nD\nE\n"},
    {"both append different lines", "a\nb\n", "a\nb\nX\n", "a\nb\nY\n", kConflict},
    {"both append the same line", "a\nb\n", "a\nb\nX\n", "a\nb\nX\n", "a\nb\nX\n"},
    {"both insert at the same place", "a\nb\nc\n", "a\nX\nb\nc\n", "a\nY\nb\nc\n", kConflict},
    {"both prepend", "a\nb\n", "X\na\nb\n", "Y\na\nb\n", kConflict},
    {"insert just before an edited line", "a\nb\nc\n", "a\nX\nb\nc\n", "a\nB\nc\n", "a\nX\nB\nc\n"},
    {"insert just after an edited line", "a\nb\nc\n", "a\nb\nX\nc\n", "a\nB\nc\n", "a\nB\nX\nc\n"},
    {"insert inside a replaced block", "a\nb\nc\nd\n", "a\nb\nX\nc\nd\n", "a\nB\nC\nd\n",
     kConflict},
    {"everything deleted against an edit", "a\nb\n", "", "a\nB\n", kConflict},
    {"empty base, one side writes", "", "", "hello\n", "hello\n"},
    {"empty base, both write", "", "one\n", "two\n", kConflict},
    {"final newline added, line edited", "a\nb", "a\nb\n", "A\nb", "A\nb\n"},
    {"final newline removed, line edited", "a\nb\n", "a\nb", "A\nb\n", "A\nb"},
    {"last line edited, newline added", "a\nb", "a\nB", "a\nb\n", "a\nB\n"},
    {"crlf base read as lf", "a\r\nb\r\nc\r\n", "a\r\nB\r\nc\r\n", "a\r\nb\r\nC\r\n", "a\nB\nC\n"},
    {"one side unchanged keeps its bytes", "a\nb\n", "a\r\nb\r\n", "a\nb\n", "a\r\nb\r\n"},
    {"repeated lines", "x\nx\nx\nx\nx\nx\n", "x\nA\nx\nx\nx\nx\nx\n", "x\nx\nx\nx\nx\nB\nx\n",
     "x\nA\nx\nx\nx\nx\nB\nx\n"},
};

TEST_CASE("merge3: table of cases") {
  for (const MergeCase& c : kMergeCases) {
    CAPTURE(std::string(c.name));
    std::optional<std::string> merged = merge3(c.base, c.mine, c.theirs);
    if (c.merged == kConflict) {
      CHECK_FALSE(merged.has_value());
    } else {
      REQUIRE(merged.has_value());
      CHECK(*merged == c.merged);
    }
  }
}

std::string joined(const std::vector<std::string>& lines) {
  std::string text;
  for (const std::string& line : lines) text += line + "\n";
  return text;
}

TEST_CASE("merge3: twenty pupils each edit their own line of the same version") {
  std::vector<std::string> base;
  for (int i = 0; i < 30; ++i) base.push_back("Sentence " + std::to_string(i) + " of the article.");
  std::mt19937 rng(7);
  std::vector<int> order(30);
  for (int i = 0; i < 30; ++i) order[i] = i;
  std::shuffle(order.begin(), order.end(), rng);
  std::vector<std::string> expected = base;
  std::string current = joined(base);
  for (int pupil = 0; pupil < 20; ++pupil) {
    std::vector<std::string> edit = base;
    int line = order[pupil];
    edit[line] = "Pupil " + std::to_string(pupil) + " rewrote sentence " + std::to_string(line);
    expected[line] = edit[line];
    std::optional<std::string> merged = merge3(joined(base), current, joined(edit));
    REQUIRE(merged.has_value());
    current = *merged;
  }
  CHECK(current == joined(expected));
}

TEST_CASE("merge3: twenty pupils edit lines 0 to 19, all neighbours") {
  std::vector<std::string> base;
  for (int i = 0; i < 30; ++i) base.push_back("Line " + std::to_string(i));
  std::vector<std::string> expected = base;
  std::string current = joined(base);
  for (int pupil = 0; pupil < 20; ++pupil) {
    std::vector<std::string> edit = base;
    edit[pupil] = "Changed by pupil " + std::to_string(pupil);
    expected[pupil] = edit[pupil];
    std::optional<std::string> merged = merge3(joined(base), current, joined(edit));
    REQUIRE(merged.has_value());
    current = *merged;
  }
  CHECK(current == joined(expected));
}

// An edit of lines [begin, end): replaced by `count` new lines, each unique.
struct Edit {
  int begin, end, count;
};

std::vector<std::string> apply(const std::vector<std::string>& lines, const Edit& e, int tag) {
  std::vector<std::string> out(lines.begin(), lines.begin() + e.begin);
  for (int k = 0; k < e.count; ++k)
    out.push_back("new " + std::to_string(tag) + "." + std::to_string(k));
  out.insert(out.end(), lines.begin() + e.end, lines.end());
  return out;
}

Edit random_edit(std::mt19937& rng, int lo, int hi) {
  int begin = lo + static_cast<int>(rng() % (hi - lo + 1));
  int end = begin + static_cast<int>(rng() % (hi - begin + 1));
  int count = static_cast<int>(rng() % 3);
  if (begin == end && count == 0) count = 1;
  return {begin, end, count};
}

TEST_CASE("merge3: random edits merge with an unchanged side, and far apart with each other") {
  std::mt19937 rng(12345);
  for (int round = 0; round < 1000; ++round) {
    int size = 8 + static_cast<int>(rng() % 20);
    std::vector<std::string> base;
    for (int i = 0; i < size; ++i) base.push_back("line " + std::to_string(i));
    std::string base_text = joined(base);
    int split = size / 2;
    Edit early = random_edit(rng, 0, split - 2);
    Edit late = random_edit(rng, split + 1, size);
    std::string x = joined(apply(base, early, 1));
    std::string y = joined(apply(base, late, 2));
    CAPTURE(base_text);
    CAPTURE(x);
    CAPTURE(y);
    CHECK(merge3(base_text, x, base_text) == x);
    CHECK(merge3(base_text, base_text, y) == y);
    std::string both = joined(apply(apply(base, late, 2), early, 1));
    CHECK(merge3(base_text, x, y) == both);
    CHECK(merge3(base_text, y, x) == both);
  }
}

// Few distinct lines, so that the diffs have many equally short ways to line texts up.
std::string random_lines(std::mt19937& rng) {
  static const char* kLines[] = {"a", "b", "", "a b", "c"};
  static const char* kEnds[] = {"\n", "\r\n", ""};
  std::string text;
  int count = static_cast<int>(rng() % 7);
  for (int i = 0; i < count; ++i) {
    text += kLines[rng() % 5];
    text += i + 1 < count ? "\n" : kEnds[rng() % 3];
  }
  return text;
}

TEST_CASE("merge3: random texts with repeated lines merge the same either way round") {
  std::mt19937 rng(99);
  for (int round = 0; round < 3000; ++round) {
    std::string base = random_lines(rng), x = random_lines(rng), y = random_lines(rng);
    CAPTURE(base);
    CAPTURE(x);
    CAPTURE(y);
    std::optional<std::string> xy = merge3(base, x, y);
    std::optional<std::string> yx = merge3(base, y, x);
    CHECK(xy.has_value() == yx.has_value());
    if (xy && yx && x != y && base != x && base != y) CHECK(*xy == *yx);
    CHECK(merge3(base, x, x) == x);
  }
}

TEST_CASE("merge3: 2 MiB texts with edits at both ends" * doctest::timeout(60)) {
  std::vector<std::string> base;
  for (int i = 0; i < 40000; ++i) base.push_back("Line " + std::to_string(i) + " of a long page.");
  std::vector<std::string> mine = base, theirs = base, expected = base;
  mine[10] = expected[10] = "Mine";
  theirs[39990] = expected[39990] = "Theirs";
  CHECK(merge3(joined(base), joined(mine), joined(theirs)) == joined(expected));
}

}  // namespace
}  // namespace kidwiki::engine

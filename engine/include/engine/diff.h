// Differences between two texts, line by line with the changed words marked, as a wiki shows them.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace kidwiki::engine {

// A piece of a line: unchanged, or changed on its side (removed on the left, added on the right).
// `held`, on the right side of a review's diff only: words a content filter holds (the reason the
// edit waits), in a segment of their own.
struct DiffSegment {
  std::string text;
  bool changed = false;
  bool held = false;
};

enum class DiffRowKind { context, removed, added, changed, gap };

// One row of a side-by-side diff. `removed` has only a left side, `added` only a right side,
// `changed` both with the changed words marked, `gap` stands for unchanged lines left out.
struct DiffRow {
  DiffRowKind kind = DiffRowKind::context;
  int left_line = 0;   // 1-based; 0 when the side is empty
  int right_line = 0;
  std::vector<DiffSegment> left;
  std::vector<DiffSegment> right;
};

struct DiffResult {
  std::vector<DiffRow> rows;
  int lines_added = 0;
  int lines_removed = 0;
};

// Compares two texts line by line (dtl), pairs removed and added lines into `changed` rows marked
// word by word, and keeps `context_lines` unchanged lines around each change.
//
// "\r\n" counts as "\n", and a missing or extra newline at the very end is no change: texts with
// the same lines give no rows at all. Each side's segments joined give the line's text (an empty
// line has no segments); a `removed` or `added` line is one segment marked changed. In a `changed`
// row words, runs of spaces and each punctuation mark are compared as units, and a space between
// two changed words is marked with them. A `gap` row has no segments; its line numbers are those
// of the first line left out on each side. Counts: a `changed` row is one line removed and one
// added. A 2 MiB text takes milliseconds against an edited, unrelated or reordered version; only
// texts made of a few lines repeated thousands of times in another order take longer.
DiffResult diff_texts(std::string_view from, std::string_view to, int context_lines = 2);

// Three-way merge of line-based texts: `mine` and `theirs` both derive from `base`.
// Empty when the two touch the same lines (a conflict).
//
// Each side's changes are runs of base lines replaced (as diff_texts finds them). Two changes
// conflict when they replace a common base line, when one inserts lines strictly inside lines the
// other replaces, or when both insert at the same place, even both appending at the end: which
// comes first is unknown and two pupils may have written the same sentence, so the second one
// gets to see both texts. Changes to neighbouring lines merge; the same change made on both sides
// is taken once; a line deleted on one side and edited on the other conflicts.
// When a side equals base (or both sides are equal), the other comes back byte for byte.
// Otherwise lines end in "\n" ("\r\n" is read as "\n"), and the text ends with a newline when
// the side that changed the ending has one (else when base has).
std::optional<std::string> merge3(std::string_view base, std::string_view mine,
                                  std::string_view theirs);

}  // namespace kidwiki::engine

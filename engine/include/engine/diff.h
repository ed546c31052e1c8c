// Differences between two texts, line by line with the changed words marked, as a wiki shows them.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace kidwiki::engine {

// A piece of a line: unchanged, or changed on its side (removed on the left, added on the right).
struct DiffSegment {
  std::string text;
  bool changed = false;
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
DiffResult diff_texts(std::string_view from, std::string_view to, int context_lines = 2);

// Three-way merge of line-based texts: `mine` and `theirs` both derive from `base`.
// Empty when the two touch the same lines (a conflict).
std::optional<std::string> merge3(std::string_view base, std::string_view mine,
                                  std::string_view theirs);

}  // namespace kidwiki::engine

// The edits that turn one sequence of symbols into another: the core shared by line diffs, word
// diffs and three-way merges.
#pragma once

#include <cstddef>
#include <string_view>
#include <vector>

namespace kidwiki::engine {

// Replaces from[from_begin, from_end) with to[to_begin, to_end). An insertion has an empty `from`
// range, a deletion an empty `to` range; never both.
struct Hunk {
  std::size_t from_begin = 0;
  std::size_t from_end = 0;
  std::size_t to_begin = 0;
  std::size_t to_end = 0;
};

// Two sequences of strings turned into small integers, equal strings getting equal ids.
struct InternedPair {
  std::vector<int> from;
  std::vector<int> to;
  int id_count = 0;  // every id is in [0, id_count)
};

InternedPair intern(const std::vector<std::string_view>& from,
                    const std::vector<std::string_view>& to);

// A short edit script from `from` to `to`: hunks in increasing order, separated by at least one
// unchanged symbol, so that two hunks are never adjacent. Ids must lie in [0, id_count).
//
// Minimal (dtl's O(NP) algorithm) within the stretches between anchors, the symbols that occur
// exactly once on each side, as in "patience diff". Why anchors: they cut big inputs into small
// independent problems, so that two unrelated or reordered 2 MiB texts still compare in
// milliseconds, while symbols found on one side only are never handed to dtl at all.
std::vector<Hunk> diff_sequences(const std::vector<int>& from, const std::vector<int>& to,
                                 int id_count);

}  // namespace kidwiki::engine

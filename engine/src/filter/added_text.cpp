#include "filter/added_text.h"

#include <algorithm>
#include <unordered_map>

#include "diff/line_split.h"

namespace kidwiki::engine {

AddedText added_lines(std::string_view before, std::string_view after) {
  std::unordered_map<std::string_view, int> remaining;
  const SplitText old_lines = split_lines(before);
  remaining.reserve(old_lines.lines.size());
  for (auto line : old_lines.lines) ++remaining[line];
  AddedText added;
  for (auto line : split_lines(after).lines) {
    auto found = remaining.find(line);
    if (found != remaining.end() && found->second > 0) {
      --found->second;
      continue;
    }
    if (!added.line_starts.empty()) added.text += '\n';
    added.line_starts.emplace_back(added.text.size(),
                                   static_cast<std::size_t>(line.data() - after.data()));
    added.text += line;
  }
  return added;
}

std::size_t AddedText::line_end(std::size_t offset) const {
  auto next = std::upper_bound(line_starts.begin(), line_starts.end(), offset,
                               [](std::size_t o, const auto& start) { return o < start.first; });
  // The next line starts one byte after the '\n' that joins it to this one.
  return next == line_starts.end() ? text.size() : next->first - 1;
}

std::size_t AddedText::position_in_edit(std::size_t offset) const {
  // The last line starting at or before `offset`.
  auto line = std::upper_bound(line_starts.begin(), line_starts.end(), offset,
                               [](std::size_t o, const auto& start) { return o < start.first; });
  if (line == line_starts.begin()) return 0;
  --line;
  return line->second + (offset - line->first);
}

}  // namespace kidwiki::engine

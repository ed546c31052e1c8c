#include "filter/added_text.h"

#include <unordered_map>

#include "diff/line_split.h"

namespace kidwiki::engine {

std::string added_lines(std::string_view before, std::string_view after) {
  std::unordered_map<std::string_view, int> remaining;
  const SplitText old_lines = split_lines(before);
  remaining.reserve(old_lines.lines.size());
  for (auto line : old_lines.lines) ++remaining[line];
  std::string added;
  for (auto line : split_lines(after).lines) {
    auto found = remaining.find(line);
    if (found != remaining.end() && found->second > 0) {
      --found->second;
      continue;
    }
    if (!added.empty()) added += '\n';
    added += line;
  }
  return added;
}

}  // namespace kidwiki::engine

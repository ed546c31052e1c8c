// A text as a list of lines, the unit that diffs and merges work on.
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace kidwiki::engine {

// The lines of a text without their ends, and whether the last one had an end. "\r\n" counts as
// "\n" so that a text saved from another system does not differ on every line.
struct SplitText {
  std::vector<std::string_view> lines;  // views into the text given to split_lines
  bool final_newline = false;
};

// "" has no lines; "a" is one line without a final newline; "a\n" one line with it; "\n" is one
// empty line. The views stay valid as long as `text` does.
inline SplitText split_lines(std::string_view text) {
  SplitText out;
  std::size_t start = 0;
  while (start < text.size()) {
    std::size_t end = text.find('\n', start);
    if (end == std::string_view::npos) {
      out.lines.push_back(text.substr(start));
      return out;
    }
    std::size_t stop = (end > start && text[end - 1] == '\r') ? end - 1 : end;
    out.lines.push_back(text.substr(start, stop - start));
    start = end + 1;
  }
  out.final_newline = !text.empty();
  return out;
}

// The inverse of split_lines, writing "\n" line ends.
inline std::string join_lines(const std::vector<std::string_view>& lines, bool final_newline) {
  std::string out;
  for (std::size_t i = 0; i < lines.size(); ++i) {
    if (i > 0) out += '\n';
    out += lines[i];
  }
  if (final_newline && !lines.empty()) out += '\n';
  return out;
}

}  // namespace kidwiki::engine

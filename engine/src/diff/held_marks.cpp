#include "diff/held_marks.h"

#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <string>
#include <utility>

namespace kidwiki::engine {
namespace {

using ByteRange = std::pair<std::size_t, std::size_t>;  // [first, second)

bool starts_code_point(char c) { return (static_cast<unsigned char>(c) & 0xC0) != 0x80; }

// The held findings as byte ranges of `text`, sorted and merged. One walk over the text, whatever
// the number of findings: a 2 MiB article with many matches stays linear.
std::vector<ByteRange> held_bytes(std::string_view text, const std::vector<FilterFinding>& found) {
  std::vector<std::int64_t> marks;
  for (const auto& f : found) {
    if (f.field != "text" || f.length <= 0 || f.start < 0) continue;
    marks.push_back(f.start);
    marks.push_back(f.start + f.length);
  }
  std::sort(marks.begin(), marks.end());
  marks.erase(std::unique(marks.begin(), marks.end()), marks.end());
  std::vector<std::size_t> bytes(marks.size(), text.size());
  std::int64_t code_point = -1;
  std::size_t next = 0;
  for (std::size_t i = 0; i < text.size() && next < marks.size(); ++i) {
    if (!starts_code_point(text[i])) continue;
    ++code_point;
    while (next < marks.size() && marks[next] == code_point) bytes[next++] = i;
  }
  auto byte_of = [&](std::int64_t cp) {
    return bytes[std::lower_bound(marks.begin(), marks.end(), cp) - marks.begin()];
  };
  std::vector<ByteRange> ranges;
  for (const auto& f : found) {
    if (f.field != "text" || f.length <= 0 || f.start < 0) continue;
    ranges.emplace_back(byte_of(f.start), byte_of(f.start + f.length));
  }
  std::sort(ranges.begin(), ranges.end());
  std::vector<ByteRange> merged;
  for (const auto& r : ranges) {
    if (r.first >= r.second) continue;
    if (!merged.empty() && r.first <= merged.back().second) {
      merged.back().second = std::max(merged.back().second, r.second);
    } else {
      merged.push_back(r);
    }
  }
  return merged;
}

// Where each line of `text` begins, in bytes; a line ends before its '\n' (and a '\r' before it).
std::vector<std::size_t> line_starts(std::string_view text) {
  std::vector<std::size_t> starts{0};
  for (std::size_t i = 0; i < text.size(); ++i) {
    if (text[i] == '\n') starts.push_back(i + 1);
  }
  return starts;
}

// The parts of `held` inside the line [begin, end), relative to the line.
std::vector<ByteRange> held_in_line(const std::vector<ByteRange>& held, std::size_t begin,
                                    std::size_t end) {
  std::vector<ByteRange> out;
  auto it = std::upper_bound(held.begin(), held.end(), ByteRange{begin, SIZE_MAX});
  if (it != held.begin()) --it;
  for (; it != held.end() && it->first < end; ++it) {
    const std::size_t a = std::max(it->first, begin), b = std::min(it->second, end);
    if (a < b) out.emplace_back(a - begin, b - begin);
  }
  return out;
}

// `segments` cut at the edges of `held` (offsets in the joined line), the pieces inside marked.
std::vector<DiffSegment> split_segments(const std::vector<DiffSegment>& segments,
                                        const std::vector<ByteRange>& held) {
  std::vector<DiffSegment> out;
  std::size_t offset = 0;
  for (const auto& seg : segments) {
    const std::size_t seg_end = offset + seg.text.size();
    std::size_t at = offset;
    while (at < seg_end) {
      bool inside = false;
      std::size_t cut = seg_end;
      for (const auto& [a, b] : held) {
        if (at >= a && at < b) {
          inside = true;
          cut = std::min(cut, b);
          break;
        }
        if (a > at) {
          cut = std::min(cut, a);
          break;
        }
      }
      out.push_back({seg.text.substr(at - offset, cut - at), seg.changed, inside});
      at = cut;
    }
    offset = seg_end;
  }
  return out;
}

}  // namespace

void mark_held(DiffResult& diff, std::string_view right_text,
               const std::vector<FilterFinding>& findings) {
  const auto held = held_bytes(right_text, findings);
  if (held.empty()) return;
  const auto starts = line_starts(right_text);
  for (auto& row : diff.rows) {
    if (row.right.empty() || row.right_line <= 0) continue;
    const auto line = static_cast<std::size_t>(row.right_line - 1);
    if (line >= starts.size()) continue;
    const std::size_t begin = starts[line];
    std::size_t end = line + 1 < starts.size() ? starts[line + 1] - 1 : right_text.size();
    if (end > begin && right_text[end - 1] == '\r') --end;
    const auto in_line = held_in_line(held, begin, end);
    if (!in_line.empty()) row.right = split_segments(row.right, in_line);
  }
}

}  // namespace kidwiki::engine

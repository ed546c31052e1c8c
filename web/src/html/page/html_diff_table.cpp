#include "html/page/html_diff_table.h"

#include <string>

namespace kidwiki::web {
namespace {

std::string kind_name(engine::DiffRowKind kind) {
  switch (kind) {
    case engine::DiffRowKind::context:
      return "context";
    case engine::DiffRowKind::removed:
      return "removed";
    case engine::DiffRowKind::added:
      return "added";
    case engine::DiffRowKind::changed:
      return "changed";
    case engine::DiffRowKind::gap:
      return "gap";
  }
  return "context";
}

std::vector<TemplateData> segments(const std::vector<engine::DiffSegment>& side) {
  std::vector<TemplateData> items;
  for (const auto& segment : side) {
    // is_held always set: in a review item an unset key would be looked up in the item itself.
    items.push_back(TemplateData()
                        .set("text", segment.text)
                        .set("changed", segment.changed)
                        .set("is_held", segment.held));
  }
  return items;
}

std::string line_number(int line) { return line > 0 ? std::to_string(line) : std::string(); }

}  // namespace

std::vector<TemplateData> diff_rows(const engine::DiffResult& diff) {
  std::vector<TemplateData> rows;
  for (const auto& row : diff.rows) {
    rows.push_back(TemplateData()
                       .set("kind", kind_name(row.kind))
                       .set("is_gap", row.kind == engine::DiffRowKind::gap)
                       .set("left_line", line_number(row.left_line))
                       .set("right_line", line_number(row.right_line))
                       .set("has_left", !row.left.empty() || row.left_line > 0)
                       .set("has_right", !row.right.empty() || row.right_line > 0)
                       .set("left", segments(row.left))
                       .set("right", segments(row.right)));
  }
  return rows;
}

}  // namespace kidwiki::web

#include "filter/filter_findings.h"

#include <algorithm>
#include <string>

namespace kidwiki::engine {
namespace {

std::int64_t code_points_before(std::string_view text, std::size_t byte) {
  std::int64_t count = 0;
  for (std::size_t i = 0; i < byte && i < text.size(); ++i) {
    if ((static_cast<unsigned char>(text[i]) & 0xC0) != 0x80) ++count;
  }
  return count;
}

}  // namespace

std::vector<FilterFinding> findings_of(const FilterResult& found, FilterAction action,
                                       std::string_view field, std::string_view field_text,
                                       const AddedText* checked) {
  std::vector<FilterFinding> out;
  for (const auto& match : found.matches) {
    if (match.action != action) continue;
    std::size_t begin = match.offset, end = match.offset + match.length;
    if (checked) {
      end = std::min(end, std::max(begin, checked->line_end(begin)));
      begin = checked->position_in_edit(begin);
      end = std::max(begin, checked->position_in_edit(end));
    }
    begin = std::min(begin, field_text.size());
    end = std::min(end, field_text.size());
    const std::int64_t start = code_points_before(field_text, begin);
    out.push_back({match.rule, match.message_id, std::string(field), start,
                   code_points_before(field_text, end) - start,
                   std::string(field_text.substr(begin, end - begin))});
  }
  return out;
}

void relocate(FilterFinding& finding, std::string_view typed) {
  if (finding.excerpt.empty()) return;
  const std::size_t at = typed.find(finding.excerpt);
  if (at == std::string_view::npos) return;
  finding.start = code_points_before(typed, at);
}

}  // namespace kidwiki::engine

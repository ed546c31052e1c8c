#include "http/refused_part.h"

#include <variant>

namespace kidwiki::web {

std::optional<RefusedPart> refused_part(const engine::Error& error) {
  RefusedPart part;
  bool has_field = false, has_start = false;
  for (const auto& [name, value] : error.args) {
    if (const auto* text = std::get_if<std::string>(&value)) {
      if (name == "field") {
        part.field = *text;
        has_field = true;
      }
      if (name == "excerpt") part.excerpt = *text;
      if (name == "rule") part.rule = *text;
    } else if (const auto* number = std::get_if<std::int64_t>(&value)) {
      if (name == "start") {
        part.start = *number;
        has_start = true;
      }
      if (name == "length") part.length = *number;
    }
  }
  if (!has_field || !has_start) return std::nullopt;
  return part;
}

}  // namespace kidwiki::web

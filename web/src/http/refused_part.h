// Where a content filter's refusal points: the part of the writer's text it refused, read from the
// engine error's arguments, so that the editor can select it (docs/api.md, "refused").
#pragma once

#include <cstdint>
#include <optional>
#include <string>

#include "engine/result.h"

namespace kidwiki::web {

struct RefusedPart {
  std::string field;    // "text", "summary" or "title"
  std::int64_t start = 0;   // in characters (Unicode code points) of the field as saved
  std::int64_t length = 0;  // in characters
  std::string excerpt;  // the refused words themselves
  std::string rule;     // "phone", "email", "word"…
};

// Empty for any error that is not a filter's refusal.
std::optional<RefusedPart> refused_part(const engine::Error& error);

}  // namespace kidwiki::web

// When a block ends, given in hours from now: the JSON API and the blocks page both take it so.
#pragma once

#include <cstdint>
#include <string>

#include "engine/result.h"

namespace kidwiki::web {

// Five years: long enough for any real block, short enough that the date stays a real one.
inline constexpr std::int64_t kMaxBlockHours = 24 * 366 * 5;

// The end of a block `hours` from now, ISO 8601 UTC; invalid_input
// ("moderation-error-block-expiry") outside 1..kMaxBlockHours.
engine::Result<std::string> block_end_after(std::int64_t hours);

}  // namespace kidwiki::web

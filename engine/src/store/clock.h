// The wiki's notion of "now", as stored in the database.
#pragma once

#include <cstdint>
#include <functional>
#include <string>

namespace kidwiki::engine {

// The current time in UTC as ISO 8601 with seconds: "2026-11-29T16:05:00Z".
std::string now_iso8601();

// The time `seconds` from now, in the same format (ISO 8601 strings compare in time order).
std::string iso8601_after(long seconds);

// Seconds since 1970 UTC from `clock` (Options::clock), or from the system's clock when it is
// empty: the "now" of the rules a test must be able to place at any hour.
std::int64_t unix_now(const std::function<std::int64_t()>& clock);

// The instant `seconds` (since 1970 UTC) as "2026-11-29T16:05:00Z".
std::string iso8601_at(std::int64_t seconds);

// The current year in UTC ("now" for the filters' birth-year checks).
int current_year();

}  // namespace kidwiki::engine

// The day a copy is made, as the footer and the ZIM metadata say it.
#pragma once

#include <string>

namespace kidwiki::offline {

// Today in UTC as an ISO 8601 timestamp at midnight: "2026-12-06T00:00:00Z" (the messages format
// it as a date in the reader's language).
std::string copy_day();

}  // namespace kidwiki::offline

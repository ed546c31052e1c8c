// The wiki's timestamps: ISO 8601 in UTC to the second, the form the database stores, the API
// returns and reports print. Strings of this form compare in time order.
#pragma once

#include <cstdint>
#include <string>

namespace kidwiki::i18n {

// `seconds` since 1970 UTC as "2026-12-07T01:56:00Z".
std::string utc_timestamp(std::int64_t seconds);

// The same in ISO 8601's basic form, "20261207T015600Z": no colons, for names of files and
// folders.
std::string utc_timestamp_basic(std::int64_t seconds);

}  // namespace kidwiki::i18n

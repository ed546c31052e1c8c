// The wiki's timestamps ("2026-12-03T17:27:00Z", ISO 8601 in UTC) read as seconds since 1970, for
// i18n/src only.
#pragma once

#include <ctime>
#include <optional>
#include <string_view>

namespace kidwiki::i18n {

// Empty for anything that is not exactly such a timestamp with fields in range.
std::optional<std::time_t> parse_iso8601_utc(std::string_view text);

}  // namespace kidwiki::i18n

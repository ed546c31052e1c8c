// A recent time as people say it ("il y a 5 minutes", "3 hours ago"), through ICU's
// RelativeDateTimeFormatter, for lists a reader looks at now (history, recent changes, my edits).
#pragma once

#include <ctime>
#include <optional>
#include <string>
#include <string_view>

namespace kidwiki::i18n {

// Times less than a day before `now`: "à l'instant" under a minute, then minutes, then hours.
// Empty for an older time, a time after `now`, or a text that is not an ISO 8601 UTC timestamp
// ("2026-12-03T17:27:00Z"): the caller then shows the date.
std::optional<std::string> relative_time(std::string_view lang, std::string_view timestamp,
                                         std::time_t now);

}  // namespace kidwiki::i18n

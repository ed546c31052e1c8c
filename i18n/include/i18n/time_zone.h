// The time zone in which the interface shows times: the school's, not the server's clock (often
// UTC in a container). Messages show a time through ICU MessageFormat's date arguments
// ({time, date, ::yMMMMdjmm}): the catalog chooses the format per language, ICU writes it ("3
// décembre 2026 à 18:27"), and the argument itself is the wiki's ISO 8601 UTC timestamp
// ("2026-12-03T17:27:00Z"), converted by Messages::format (i18n/messages.h).
#pragma once

#include <string>
#include <string_view>

namespace kidwiki::i18n {

// Sets the zone every later formatting uses, from an IANA name ("Europe/Paris"). False, and
// nothing changed, for a name ICU does not know. Call once at start-up, before threads format.
bool set_display_time_zone(std::string_view iana_name);

// The zone in use now ("Europe/Paris"; the host's own by default).
std::string display_time_zone();

// Today's number in the display zone: days since 1970-01-01 there. Why not UTC: a school's "day"
// (its article of the day) turns at its own midnight.
long long local_day_number();

}  // namespace kidwiki::i18n

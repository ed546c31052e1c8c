// Wall-clock time in a time zone, for rules that speak of a school's hours ("Mondays 09:00 to
// 10:30, except during the holidays"). ICU's zone data does the conversions, so a summer-time
// change (Europe/Paris: the last Sundays of March and October) moves the UTC instant of "09:00"
// and never the lesson.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace kidwiki::i18n {

// A day of the calendar, as a school's timetable writes it.
struct LocalDate {
  int year = 1970;
  int month = 1;  // 1 to 12
  int day = 1;    // 1 to 31
  friend auto operator<=>(const LocalDate&, const LocalDate&) = default;
};

// What a clock on the classroom wall shows at one instant.
struct LocalTime {
  LocalDate date;
  int weekday = 1;         // ISO 8601: 1 Monday ... 7 Sunday
  int minute_of_day = 0;   // 0 (00:00) to 1439 (23:59)
};

// Whether ICU knows the IANA zone name ("Europe/Paris"; not "Mars/Olympus").
bool is_time_zone(std::string_view iana_name);

// The wall clock of `zone` at `utc_seconds` (since 1970-01-01T00:00:00Z). Empty for an unknown
// zone.
std::optional<LocalTime> local_time(std::int64_t utc_seconds, std::string_view zone);

// The first instant at which the wall clock of `zone` shows `minute_of_day` (0 to 1440) on `date`,
// in seconds since 1970 UTC. A time the clocks skip (02:30 when they go forward at 02:00) is the
// first instant after the gap (03:00 summer time); a time they show twice (02:30 when they go
// back at 03:00) is the first of the two. Empty for an unknown zone or an impossible date.
std::optional<std::int64_t> utc_of_local(const LocalDate& date, int minute_of_day,
                                         std::string_view zone);

// "2026-03-29" read as a date; empty for anything else (a 30 February too).
std::optional<LocalDate> parse_local_date(std::string_view text);
// "2026-03-29".
std::string format_local_date(const LocalDate& date);

// The date `days` later (earlier when negative), and the ISO weekday of a date (1 Monday).
LocalDate add_days(const LocalDate& date, int days);
int weekday_of(const LocalDate& date);

}  // namespace kidwiki::i18n

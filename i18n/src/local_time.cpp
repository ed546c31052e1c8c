#include "i18n/local_time.h"

#include <unicode/calendar.h>
#include <unicode/gregocal.h>
#include <unicode/timezone.h>

#include <cstdio>
#include <memory>

#include "icu_string.h"

namespace kidwiki::i18n {
namespace {

std::unique_ptr<icu::TimeZone> zone_named(std::string_view iana_name) {
  std::unique_ptr<icu::TimeZone> zone(icu::TimeZone::createTimeZone(to_icu(iana_name)));
  icu::UnicodeString id;
  // ICU answers an unknown name with the "Etc/Unknown" zone rather than an error.
  if (!zone || zone->getID(id) == icu::UnicodeString(UCAL_UNKNOWN_ZONE_ID)) return nullptr;
  return zone;
}

// A Gregorian calendar in `zone` (ICU's default calendar may be another one for some locales).
std::unique_ptr<icu::Calendar> calendar_in(std::string_view zone_name) {
  auto zone = zone_named(zone_name);
  if (!zone) return nullptr;
  UErrorCode status = U_ZERO_ERROR;
  auto cal = std::make_unique<icu::GregorianCalendar>(zone.release(), status);
  if (U_FAILURE(status)) return nullptr;
  // The wall clock's rules for the two hours a year it is ambiguous (local_time.h).
  cal->setRepeatedWallTimeOption(UCAL_WALLTIME_FIRST);
  cal->setSkippedWallTimeOption(UCAL_WALLTIME_NEXT_VALID);
  return cal;
}

// Days since 1970-01-01 of a proleptic Gregorian date (Howard Hinnant's days_from_civil).
long long days_from_civil(int y, int m, int d) {
  y -= m <= 2;
  const long long era = (y >= 0 ? y : y - 399) / 400;
  const long long yoe = y - era * 400;
  const long long doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
  const long long doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
  return era * 146097 + doe - 719468;
}

LocalDate civil_from_days(long long z) {
  z += 719468;
  const long long era = (z >= 0 ? z : z - 146096) / 146097;
  const long long doe = z - era * 146097;
  const long long yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
  const long long doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
  const long long mp = (5 * doy + 2) / 153;
  const int d = static_cast<int>(doy - (153 * mp + 2) / 5 + 1);
  const int m = static_cast<int>(mp < 10 ? mp + 3 : mp - 9);
  return {static_cast<int>(yoe + era * 400 + (m <= 2)), m, d};
}

bool is_real_date(const LocalDate& d) {
  if (d.year < 1 || d.year > 9999 || d.month < 1 || d.month > 12 || d.day < 1) return false;
  return civil_from_days(days_from_civil(d.year, d.month, d.day)) == d;
}

}  // namespace

bool is_time_zone(std::string_view iana_name) { return zone_named(iana_name) != nullptr; }

std::optional<LocalTime> local_time(std::int64_t utc_seconds, std::string_view zone) {
  auto cal = calendar_in(zone);
  if (!cal) return std::nullopt;
  UErrorCode status = U_ZERO_ERROR;
  cal->setTime(static_cast<UDate>(utc_seconds) * U_MILLIS_PER_SECOND, status);
  LocalTime t;
  t.date.year = cal->get(UCAL_EXTENDED_YEAR, status);
  t.date.month = cal->get(UCAL_MONTH, status) + 1;
  t.date.day = cal->get(UCAL_DATE, status);
  // ICU counts from Sunday (1) to Saturday (7).
  t.weekday = (cal->get(UCAL_DAY_OF_WEEK, status) + 5) % 7 + 1;
  t.minute_of_day = cal->get(UCAL_HOUR_OF_DAY, status) * 60 + cal->get(UCAL_MINUTE, status);
  if (U_FAILURE(status)) return std::nullopt;
  return t;
}

std::optional<std::int64_t> utc_of_local(const LocalDate& date, int minute_of_day,
                                         std::string_view zone) {
  if (!is_real_date(date) || minute_of_day < 0 || minute_of_day > 1440) return std::nullopt;
  auto cal = calendar_in(zone);
  if (!cal) return std::nullopt;
  // 24:00 is the next day's 00:00 (the end of a lesson that lasts until midnight).
  const LocalDate day = minute_of_day == 1440 ? add_days(date, 1) : date;
  const int minute = minute_of_day % 1440;
  cal->clear();
  cal->set(day.year, day.month - 1, day.day, minute / 60, minute % 60, 0);
  UErrorCode status = U_ZERO_ERROR;
  const UDate ms = cal->getTime(status);
  if (U_FAILURE(status)) return std::nullopt;
  return static_cast<std::int64_t>(ms / U_MILLIS_PER_SECOND);
}

std::optional<LocalDate> parse_local_date(std::string_view text) {
  if (text.size() != 10 || text[4] != '-' || text[7] != '-') return std::nullopt;
  for (std::size_t i = 0; i < text.size(); ++i) {
    if (i != 4 && i != 7 && (text[i] < '0' || text[i] > '9')) return std::nullopt;
  }
  const auto number = [&](std::size_t at, std::size_t n) {
    int v = 0;
    for (std::size_t i = at; i < at + n; ++i) v = v * 10 + (text[i] - '0');
    return v;
  };
  const LocalDate d{number(0, 4), number(5, 2), number(8, 2)};
  if (!is_real_date(d)) return std::nullopt;
  return d;
}

std::string format_local_date(const LocalDate& date) {
  char buf[40];
  std::snprintf(buf, sizeof buf, "%04d-%02d-%02d", date.year, date.month, date.day);
  return buf;
}

LocalDate add_days(const LocalDate& date, int days) {
  return civil_from_days(days_from_civil(date.year, date.month, date.day) + days);
}

int weekday_of(const LocalDate& date) {
  // 1970-01-01 was a Thursday (ISO 4).
  const long long n = days_from_civil(date.year, date.month, date.day);
  return static_cast<int>(((n + 3) % 7 + 7) % 7) + 1;
}

}  // namespace kidwiki::i18n

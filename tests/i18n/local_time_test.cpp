// Wall-clock time in a zone through ICU: the local date, weekday and minute of an instant, and the
// instant of a local time, across the summer-time changes of Europe/Paris (2026: clocks go forward
// at 02:00 on 29 March and back at 03:00 on 25 October) and in a zone without summer time.
#include "i18n/local_time.h"

#include <doctest/doctest.h>

#include <cstdio>
#include <ctime>
#include <string>

using namespace kidwiki::i18n;

namespace {

// "2026-03-27T08:00:00Z" as seconds since 1970.
std::int64_t utc(const char* iso) {
  std::tm t{};
  REQUIRE(std::sscanf(iso, "%4d-%2d-%2dT%2d:%2d:%2dZ", &t.tm_year, &t.tm_mon, &t.tm_mday,
                      &t.tm_hour, &t.tm_min, &t.tm_sec) == 6);
  t.tm_year -= 1900;
  t.tm_mon -= 1;
  return timegm(&t);
}

std::string clock_of(const LocalTime& t) {
  char buf[64];
  std::snprintf(buf, sizeof buf, "%s %d %02d:%02d", format_local_date(t.date).c_str(), t.weekday,
                t.minute_of_day / 60, t.minute_of_day % 60);
  return buf;
}

}  // namespace

TEST_CASE("local_time gives the date, ISO weekday and minute of the zone's wall clock") {
  struct Row {
    const char* instant;
    const char* zone;
    const char* expected;  // date, weekday (1 Monday), hh:mm
  };
  const Row rows[] = {
      {"2026-03-27T08:00:00Z", "Europe/Paris", "2026-03-27 5 09:00"},  // winter: UTC+1
      {"2026-03-30T07:00:00Z", "Europe/Paris", "2026-03-30 1 09:00"},  // summer: UTC+2
      {"2026-03-29T00:59:00Z", "Europe/Paris", "2026-03-29 7 01:59"},  // just before the jump
      {"2026-03-29T01:00:00Z", "Europe/Paris", "2026-03-29 7 03:00"},  // 02:00 never shows
      {"2026-10-25T00:30:00Z", "Europe/Paris", "2026-10-25 7 02:30"},  // 02:30 the first time
      {"2026-10-25T01:30:00Z", "Europe/Paris", "2026-10-25 7 02:30"},  // and again an hour later
      {"2026-10-26T08:00:00Z", "Europe/Paris", "2026-10-26 1 09:00"},  // winter again
      {"2026-12-31T23:30:00Z", "Europe/Paris", "2027-01-01 5 00:30"},  // a new year locally
      {"2026-03-29T01:00:00Z", "Asia/Tokyo", "2026-03-29 7 10:00"},    // no summer time: UTC+9
      {"2026-10-25T01:30:00Z", "Asia/Tokyo", "2026-10-25 7 10:30"},
      {"2026-03-29T20:00:00Z", "Asia/Tokyo", "2026-03-30 1 05:00"},
      {"2026-03-29T01:00:00Z", "UTC", "2026-03-29 7 01:00"},
      {"2026-06-01T03:00:00Z", "America/Sao_Paulo", "2026-06-01 1 00:00"},  // UTC-3 all year
  };
  for (const auto& row : rows) {
    CAPTURE(row.instant);
    CAPTURE(row.zone);
    auto t = local_time(utc(row.instant), row.zone);
    REQUIRE(t);
    CHECK(clock_of(*t) == row.expected);
  }
  CHECK_FALSE(local_time(0, "Mars/Olympus_Mons"));
  CHECK_FALSE(local_time(0, ""));
}

TEST_CASE("utc_of_local finds the instant a wall clock shows a time, gaps and repeats included") {
  struct Row {
    LocalDate date;
    int minute;
    const char* zone;
    const char* expected;
  };
  const Row rows[] = {
      {{2026, 3, 27}, 9 * 60, "Europe/Paris", "2026-03-27T08:00:00Z"},
      {{2026, 3, 30}, 9 * 60, "Europe/Paris", "2026-03-30T07:00:00Z"},
      // Skipped by the spring change: the first instant after the gap, 03:00 summer time.
      {{2026, 3, 29}, 2 * 60 + 30, "Europe/Paris", "2026-03-29T01:00:00Z"},
      {{2026, 3, 29}, 3 * 60, "Europe/Paris", "2026-03-29T01:00:00Z"},
      // Shown twice in the autumn: the first time, still in summer time.
      {{2026, 10, 25}, 2 * 60 + 30, "Europe/Paris", "2026-10-25T00:30:00Z"},
      {{2026, 10, 25}, 9 * 60, "Europe/Paris", "2026-10-25T08:00:00Z"},
      // 24:00 is the next day's midnight.
      {{2026, 3, 27}, 1440, "Europe/Paris", "2026-03-27T23:00:00Z"},
      {{2026, 3, 29}, 10 * 60, "Asia/Tokyo", "2026-03-29T01:00:00Z"},
      {{2026, 10, 25}, 10 * 60 + 30, "Asia/Tokyo", "2026-10-25T01:30:00Z"},
      {{2026, 6, 1}, 0, "America/Sao_Paulo", "2026-06-01T03:00:00Z"},
  };
  for (const auto& row : rows) {
    CAPTURE(format_local_date(row.date));
    CAPTURE(row.minute);
    CAPTURE(row.zone);
    auto at = utc_of_local(row.date, row.minute, row.zone);
    REQUIRE(at);
    CHECK(*at == utc(row.expected));
  }
  CHECK_FALSE(utc_of_local({2026, 2, 30}, 0, "Europe/Paris"));
  CHECK_FALSE(utc_of_local({2026, 3, 27}, 1441, "Europe/Paris"));
  CHECK_FALSE(utc_of_local({2026, 3, 27}, -1, "Europe/Paris"));
  CHECK_FALSE(utc_of_local({2026, 3, 27}, 0, "Nowhere/Town"));
}

TEST_CASE("local dates parse strictly and count days and weekdays") {
  struct Row {
    const char* text;
    bool valid;
  };
  const Row rows[] = {
      {"2026-03-29", true},  {"2024-02-29", true},   {"2026-02-29", false},
      {"2026-02-30", false}, {"2026-13-01", false},  {"2026-00-10", false},
      {"2026-3-29", false},  {"2026-03-29x", false}, {"29/03/2026", false},
      {"", false},           {"0000-01-01", false},  {"2026-04-31", false},
  };
  for (const auto& row : rows) {
    CAPTURE(row.text);
    auto d = parse_local_date(row.text);
    CHECK(d.has_value() == row.valid);
    if (d) CHECK(format_local_date(*d) == row.text);
  }
  CHECK(weekday_of({1970, 1, 1}) == 4);
  CHECK(weekday_of({2026, 3, 29}) == 7);
  CHECK(weekday_of({2026, 3, 30}) == 1);
  CHECK(weekday_of({2024, 2, 29}) == 4);
  CHECK(add_days({2026, 12, 31}, 1) == LocalDate{2027, 1, 1});
  CHECK(add_days({2024, 2, 28}, 1) == LocalDate{2024, 2, 29});
  CHECK(add_days({2026, 3, 1}, -1) == LocalDate{2026, 2, 28});
  CHECK(add_days({2026, 3, 29}, 400) == LocalDate{2027, 5, 3});
  CHECK(is_time_zone("Europe/Paris"));
  CHECK(is_time_zone("Asia/Tokyo"));
  CHECK_FALSE(is_time_zone("Europe/Atlantis"));
}

// The wiki's timestamps (i18n/utc_timestamp.h): one row per instant, leap day and before 1970
// included, in both of ISO 8601's forms.
#include <doctest/doctest.h>

#include "i18n/utc_timestamp.h"

TEST_CASE("instants are written as ISO 8601 in UTC") {
  struct Row {
    std::int64_t seconds;
    const char* extended;
    const char* basic;
  };
  const Row rows[] = {
      {0, "1970-01-01T00:00:00Z", "19700101T000000Z"},
      {1796608560, "2026-12-07T01:56:00Z", "20261207T015600Z"},
      {951782400, "2000-02-29T00:00:00Z", "20000229T000000Z"},
      {-1, "1969-12-31T23:59:59Z", "19691231T235959Z"},
  };
  for (const auto& row : rows) {
    CAPTURE(row.seconds);
    CHECK(kidwiki::i18n::utc_timestamp(row.seconds) == row.extended);
    CHECK(kidwiki::i18n::utc_timestamp_basic(row.seconds) == row.basic);
  }
}

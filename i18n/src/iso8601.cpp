#include "iso8601.h"

#include <cstdio>
#include <string>

#include "i18n/utc_timestamp.h"

namespace kidwiki::i18n {
namespace {

std::string formatted(std::int64_t seconds, const char* format) {
  const std::time_t t = static_cast<std::time_t>(seconds);
  std::tm utc{};
  gmtime_r(&t, &utc);
  char text[32];
  std::strftime(text, sizeof text, format, &utc);
  return text;
}

}  // namespace

std::string utc_timestamp(std::int64_t seconds) { return formatted(seconds, "%Y-%m-%dT%H:%M:%SZ"); }

std::string utc_timestamp_basic(std::int64_t seconds) {
  return formatted(seconds, "%Y%m%dT%H%M%SZ");
}

std::optional<std::time_t> parse_iso8601_utc(std::string_view text) {
  if (text.size() != 20 || text[10] != 'T' || text[19] != 'Z') return std::nullopt;
  const std::string copy(text);
  std::tm t{};
  char tail = 0;
  if (std::sscanf(copy.c_str(), "%4d-%2d-%2dT%2d:%2d:%2d%c", &t.tm_year, &t.tm_mon, &t.tm_mday,
                  &t.tm_hour, &t.tm_min, &t.tm_sec, &tail) != 7 ||
      tail != 'Z') {
    return std::nullopt;
  }
  const auto within = [](int v, int low, int high) { return v >= low && v <= high; };
  if (!within(t.tm_mon, 1, 12) || !within(t.tm_mday, 1, 31) || !within(t.tm_hour, 0, 23) ||
      !within(t.tm_min, 0, 59) || !within(t.tm_sec, 0, 60)) {
    return std::nullopt;
  }
  t.tm_year -= 1900;
  t.tm_mon -= 1;
  return timegm(&t);
}

}  // namespace kidwiki::i18n

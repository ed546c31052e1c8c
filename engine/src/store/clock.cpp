#include "store/clock.h"

#include <ctime>

namespace kidwiki::engine {

std::string now_iso8601() { return iso8601_after(0); }

std::string iso8601_after(long seconds) {
  std::time_t t = std::time(nullptr) + seconds;
  std::tm utc{};
  gmtime_r(&t, &utc);
  char buf[32];
  std::strftime(buf, sizeof buf, "%Y-%m-%dT%H:%M:%SZ", &utc);
  return buf;
}

int current_year() {
  std::time_t t = std::time(nullptr);
  std::tm utc{};
  gmtime_r(&t, &utc);
  return utc.tm_year + 1900;
}

}  // namespace kidwiki::engine

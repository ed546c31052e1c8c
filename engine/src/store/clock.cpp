#include "store/clock.h"

#include <ctime>

#include "i18n/utc_timestamp.h"

namespace kidwiki::engine {

std::string now_iso8601() { return iso8601_after(0); }

std::string iso8601_after(long seconds) { return iso8601_at(std::time(nullptr) + seconds); }

std::int64_t unix_now(const std::function<std::int64_t()>& clock) {
  return clock ? clock() : static_cast<std::int64_t>(std::time(nullptr));
}

std::string iso8601_at(std::int64_t seconds) { return i18n::utc_timestamp(seconds); }

int current_year() {
  std::time_t t = std::time(nullptr);
  std::tm utc{};
  gmtime_r(&t, &utc);
  return utc.tm_year + 1900;
}

}  // namespace kidwiki::engine

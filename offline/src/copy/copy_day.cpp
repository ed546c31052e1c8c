#include "copy/copy_day.h"

#include <chrono>
#include <cstdio>

namespace kidwiki::offline {

std::string copy_day() {
  const auto today = std::chrono::floor<std::chrono::days>(std::chrono::system_clock::now());
  const std::chrono::year_month_day day{today};
  char text[32];
  std::snprintf(text, sizeof text, "%04d-%02u-%02uT00:00:00Z", static_cast<int>(day.year()),
                static_cast<unsigned>(day.month()), static_cast<unsigned>(day.day()));
  return text;
}

}  // namespace kidwiki::offline

#include "actions/block_end.h"

#include <ctime>

namespace kidwiki::web {

engine::Result<std::string> block_end_after(std::int64_t hours) {
  if (hours < 1 || hours > kMaxBlockHours) {
    return engine::make_error(engine::ErrorCode::invalid_input, "moderation-error-block-expiry");
  }
  std::time_t end = std::time(nullptr) + static_cast<std::time_t>(hours) * 3600;
  std::tm utc{};
  gmtime_r(&end, &utc);
  char text[32];
  std::strftime(text, sizeof text, "%Y-%m-%dT%H:%M:%SZ", &utc);
  return std::string(text);
}

}  // namespace kidwiki::web

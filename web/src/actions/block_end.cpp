#include "actions/block_end.h"

#include <ctime>

#include "i18n/utc_timestamp.h"

namespace kidwiki::web {

engine::Result<std::string> block_end_after(std::int64_t hours) {
  if (hours < 1 || hours > kMaxBlockHours) {
    return engine::make_error(engine::ErrorCode::invalid_input, "moderation-error-block-expiry");
  }
  return i18n::utc_timestamp(static_cast<std::int64_t>(std::time(nullptr)) + hours * 3600);
}

}  // namespace kidwiki::web

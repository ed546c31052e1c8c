#include "media/upload_errors.h"

#include <algorithm>

namespace kidwiki::engine::media {
namespace {

Error unsupported_type(const char* message_id) {
  return make_error(ErrorCode::invalid_input, message_id, {{"kind", "unsupported-type"}});
}

}  // namespace

Error empty_upload() { return make_error(ErrorCode::invalid_input, "upload-error-empty"); }

Error not_an_image() { return unsupported_type("upload-error-not-an-image"); }

Error declared_type_mismatch() { return unsupported_type("upload-error-type-mismatch"); }

// Whole megabytes (of 1024 × 1024 bytes, as file managers count them), at least 1: a child knows
// "10 MB" from a phone's gallery, not 10485760.
Error upload_too_large(std::size_t max_bytes) {
  const auto megabytes = std::max<std::int64_t>(1, max_bytes / (1024 * 1024));
  return make_error(ErrorCode::too_large, "upload-error-too-large", {{"megabytes", megabytes}});
}

// Millions of pixels, at least 1, as cameras count them ("50 megapixels").
Error too_many_pixels(std::uint64_t max_pixels) {
  const auto millions = std::max<std::int64_t>(1, max_pixels / 1'000'000);
  return make_error(ErrorCode::too_large, "upload-error-too-many-pixels",
                    {{"megapixels", millions}});
}

Error side_too_long(int max_side) {
  return make_error(ErrorCode::too_large, "upload-error-side-too-long",
                    {{"pixels", std::int64_t{max_side}}});
}

Error too_many_frames(int max_frames) {
  return make_error(ErrorCode::too_large, "upload-error-too-many-frames",
                    {{"frames", std::int64_t{max_frames}}});
}

Error damaged_image() { return make_error(ErrorCode::unprocessable, "upload-error-damaged"); }

}  // namespace kidwiki::engine::media

// Damaged uploads of every kind: each fixture cut short and with bytes changed at a few dozen
// places chosen by a fixed rule (the same run every time). Whatever the bytes, clean_image ends
// with a picture or an error, never an exception or a crash, and what it accepts is clean.
#include <doctest/doctest.h>

#include <algorithm>
#include <cstdint>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include "media/image_cleaning.h"
#include "media/vips_runtime.h"

namespace kidwiki::engine::media {
namespace {

std::string fixture(const std::string& name) {
  std::ifstream file(std::string(KIDWIKI_IMAGES_DIR) + "/" + name, std::ios::binary);
  std::ostringstream bytes;
  bytes << file.rdbuf();
  REQUIRE_MESSAGE(!bytes.str().empty(), "missing fixture " << name);
  return bytes.str();
}

// Cut at 12 lengths spread over the file, and 36 single-byte changes: half in the first 128
// bytes, where the headers are, half anywhere. A linear congruential generator with a fixed seed
// picks the places and the new values.
std::vector<std::string> damaged_copies(const std::string& bytes) {
  std::vector<std::string> copies;
  for (std::size_t i = 1; i <= 12; ++i) copies.push_back(bytes.substr(0, bytes.size() * i / 13));
  std::uint64_t state = 0x9E3779B97F4A7C15ULL;
  for (int i = 0; i < 36; ++i) {
    state = state * 6364136223846793005ULL + 1442695040888963407ULL;
    const std::size_t span = i % 2 == 0 ? std::min<std::size_t>(128, bytes.size()) : bytes.size();
    std::string copy = bytes;
    copy[(state >> 33) % span] ^= static_cast<char>(1 + (state >> 20) % 255);
    copies.push_back(std::move(copy));
  }
  return copies;
}

bool is_upload_error(ErrorCode code) {
  return code == ErrorCode::invalid_input || code == ErrorCode::too_large ||
         code == ErrorCode::unprocessable;
}

TEST_CASE("image cleaning: damaged uploads end in a clean picture or an error" *
          doctest::timeout(300)) {
  for (const std::string file : {"phone.jpg", "wide.jpg", "cmyk.jpg", "profile.png", "lossy.webp",
                                 "lossless.webp", "animated.gif", "pdf-named.jpg", "drawing.svg"}) {
    CAPTURE(file);
    const std::vector<std::string> copies = damaged_copies(fixture(file));
    for (std::size_t i = 0; i < copies.size(); ++i) {
      CAPTURE(i);
      Result<CleanImage> clean = make_error(ErrorCode::storage, "");
      REQUIRE_NOTHROW(clean = clean_image(copies[i], "", ImageLimits{}));
      if (!clean.ok()) {
        CHECK(is_upload_error(clean.error().code));
        CHECK(clean.error().message_id.starts_with("upload-error-"));
        continue;
      }
      VipsImage* again =
          vips_image_new_from_buffer(clean->bytes.data(), clean->bytes.size(), "", nullptr);
      REQUIRE(again != nullptr);
      const VipsImagePtr owned(again);
      CHECK(vips_image_get_width(again) == clean->width);
      CHECK(vips_image_get_typeof(again, "exif-data") == 0);
      CHECK(vips_image_get_typeof(again, VIPS_META_ICC_NAME) == 0);
      REQUIRE_NOTHROW((void)make_variant(clean->bytes, 16));
    }
  }
}

}  // namespace
}  // namespace kidwiki::engine::media

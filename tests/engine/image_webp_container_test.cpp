// The WebP container read without decoding: whether a WebP is lossless, and the same WebP with
// its metadata chunks taken out (libvips 8.14.1 writes EXIF into every WebP, strip or not).
#include <doctest/doctest.h>

#include <cstdint>
#include <optional>
#include <string>

#include "media/webp_container.h"

namespace kidwiki::engine::media {
namespace {

using namespace std::string_literals;

std::string little_endian_32(std::uint32_t value) {
  std::string bytes;
  for (int i = 0; i < 4; ++i) bytes += static_cast<char>(value >> (8 * i) & 0xFF);
  return bytes;
}

std::string riff_chunk(const std::string& name, const std::string& payload) {
  std::string chunk = name + little_endian_32(static_cast<std::uint32_t>(payload.size())) + payload;
  if (payload.size() % 2 == 1) chunk += '\0';
  return chunk;
}

std::string webp(const std::string& chunks) {
  return "RIFF" + little_endian_32(static_cast<std::uint32_t>(chunks.size() + 4)) + "WEBP" + chunks;
}

TEST_CASE("image webp container: a WebP is lossless when its first picture chunk is VP8L") {
  const std::string frame_header(16, '\0');
  struct Row {
    std::string name;
    std::string bytes;
    bool lossless;
  };
  const Row rows[] = {
      {"simple lossless", webp(riff_chunk("VP8L", "pixels")), true},
      {"simple lossy", webp(riff_chunk("VP8 ", "pixels")), false},
      {"extended lossless, metadata first",
       webp(riff_chunk("VP8X", std::string(10, '\0')) + riff_chunk("ICCP", "odd") +
            riff_chunk("VP8L", "pixels") + riff_chunk("EXIF", "x")),
       true},
      {"extended lossy with alpha",
       webp(riff_chunk("VP8X", std::string(10, '\0')) + riff_chunk("ALPH", "a") +
            riff_chunk("VP8 ", "pixels")),
       false},
      {"animation, lossless first frame",
       webp(riff_chunk("VP8X", std::string(10, '\0')) + riff_chunk("ANIM", "123456") +
            riff_chunk("ANMF", frame_header + riff_chunk("VP8L", "p")) +
            riff_chunk("ANMF", frame_header + riff_chunk("VP8 ", "p"))),
       true},
      {"animation, lossy first frame",
       webp(riff_chunk("ANMF", frame_header + riff_chunk("VP8 ", "p")) +
            riff_chunk("ANMF", frame_header + riff_chunk("VP8L", "p"))),
       false},
      {"a chunk longer than the file", webp("ICCP" + little_endian_32(1000) + "x"), false},
      {"a chunk size near 4 GiB", webp("ICCP" + little_endian_32(0xFFFFFFFF) + "x"), false},
      {"no picture chunk", webp(riff_chunk("EXIF", "x")), false},
      {"nothing after the header", webp(""), false},
      {"not a WebP", "VP8L", false},
  };
  for (const Row& row : rows) {
    CAPTURE(row.name);
    CHECK(is_lossless_webp(row.bytes) == row.lossless);
  }
}

const std::string kVp8x = riff_chunk("VP8X", std::string("\x3C\0\0\0"
                                                         "\x31\0\0\x27\0\0",
                                                         10));

TEST_CASE("image webp container: metadata chunks go, picture chunks stay in order") {
  const std::string alpha = riff_chunk("ALPH", "alpha");
  const std::string lossy = riff_chunk("VP8 ", "pixels");
  const std::string metadata = riff_chunk("ICCP", "profile") + riff_chunk("EXIF", "GPS here") +
                               riff_chunk("XMP ", "<x:xmpmeta/>") + riff_chunk("ZZZZ", "?");
  const auto trimmed = webp_without_metadata(webp(kVp8x + riff_chunk("ICCP", "profile") + alpha +
                                                  lossy + riff_chunk("EXIF", "GPS here") +
                                                  riff_chunk("XMP ", "<x:xmpmeta/>")));
  REQUIRE(trimmed.has_value());
  // The flags byte keeps alpha (0x10) and loses ICC (0x20), EXIF (0x08) and XMP (0x04).
  std::string flags_cleared = kVp8x;
  flags_cleared[8] = '\x10';
  CHECK(*trimmed == webp(flags_cleared + alpha + lossy));
  CHECK(trimmed->find("GPS") == std::string::npos);

  const std::string frame = riff_chunk("ANMF", std::string(16, '\0') + riff_chunk("VP8L", "p"));
  const std::string animation = kVp8x + riff_chunk("ANIM", "123456") + frame + frame;
  CHECK(webp_without_metadata(webp(animation + metadata)).has_value());
  CHECK(webp_without_metadata(webp(riff_chunk("VP8L", "odd") + metadata)) ==
        webp(riff_chunk("VP8L", "odd")));
}

TEST_CASE("image webp container: what is not a well-formed WebP is not trimmed") {
  CHECK_FALSE(webp_without_metadata("").has_value());
  CHECK_FALSE(webp_without_metadata("RIFF\4\0\0\0WAVE"s).has_value());
  CHECK_FALSE(webp_without_metadata(webp("VP8L" + little_endian_32(100) + "short")).has_value());
  CHECK_FALSE(webp_without_metadata(webp(riff_chunk("VP8L", "ok") + "VP8")).has_value());
  CHECK(webp_without_metadata(webp("")) == webp(""));
}

}  // namespace
}  // namespace kidwiki::engine::media

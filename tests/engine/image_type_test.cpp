// What an upload is, from its first bytes, and whether its declared type agrees. No libvips here:
// these run before libvips sees anything.
#include <doctest/doctest.h>

#include <optional>
#include <string>

#include "media/image_type.h"

namespace kidwiki::engine::media {
namespace {

using namespace std::string_literals;

TEST_CASE("image type: sniffed from the first bytes, four formats only") {
  struct Row {
    std::string name;
    std::string bytes;
    std::optional<SourceFormat> expected;
  };
  const Row rows[] = {
      {"JPEG", "\xFF\xD8\xFF\xE0 rest"s, SourceFormat::jpeg},
      {"JPEG, Exif first", "\xFF\xD8\xFF\xE1 rest"s, SourceFormat::jpeg},
      {"PNG", "\x89PNG\r\n\x1A\n rest"s, SourceFormat::png},
      {"GIF 89a", "GIF89a rest", SourceFormat::gif},
      {"GIF 87a", "GIF87a rest", SourceFormat::gif},
      {"WebP", "RIFF\x10\0\0\0WEBPVP8 "s, SourceFormat::webp},
      {"empty", "", std::nullopt},
      {"JPEG cut before its third byte", "\xFF\xD8"s, std::nullopt},
      {"PNG without its line ending", "\x89PNG\n\x1A\n rest"s, std::nullopt},
      {"RIFF but WAVE", "RIFF\x10\0\0\0WAVEfmt "s, std::nullopt},
      {"RIFF cut short", "RIFF\x10\0\0\0WEB"s, std::nullopt},
      {"GIF of an unknown version", "GIF90a rest", std::nullopt},
      {"PDF", "%PDF-1.4\n", std::nullopt},
      {"SVG", "<svg xmlns=\"http://www.w3.org/2000/svg\"/>", std::nullopt},
      {"SVG with an XML declaration", "<?xml version=\"1.0\"?><svg/>", std::nullopt},
      {"TIFF", "II*\0 rest"s, std::nullopt},
      {"HEIF",
       "\0\0\0\x18"
       "ftypheic"s,
       std::nullopt},
      {"BMP", "BM rest", std::nullopt},
      {"a JPEG signature later in the file", " \xFF\xD8\xFF"s, std::nullopt},
  };
  for (const Row& row : rows) {
    CAPTURE(row.name);
    CHECK(sniff_image_format(row.bytes) == row.expected);
  }
}

TEST_CASE("image type: a declared type either agrees, says nothing, or contradicts") {
  struct Row {
    std::string declared;
    SourceFormat actual;
    bool contradicts;
  };
  const Row rows[] = {
      {"", SourceFormat::jpeg, false},
      {"application/octet-stream", SourceFormat::png, false},
      {"image/jpeg", SourceFormat::jpeg, false},
      {"IMAGE/JPEG", SourceFormat::jpeg, false},
      {"image/jpeg; charset=binary", SourceFormat::jpeg, false},
      {" image/jpeg ", SourceFormat::jpeg, false},
      {"image/jpg", SourceFormat::jpeg, false},
      {"image/pjpeg", SourceFormat::jpeg, false},
      {"image/png", SourceFormat::png, false},
      {"image/x-png", SourceFormat::png, false},
      {"image/apng", SourceFormat::png, false},
      {"image/webp", SourceFormat::webp, false},
      {"image/gif", SourceFormat::gif, false},
      {"image/png", SourceFormat::jpeg, true},
      {"image/jpeg", SourceFormat::png, true},
      {"image/gif", SourceFormat::webp, true},
      {"image/svg+xml", SourceFormat::png, true},
      {"application/pdf", SourceFormat::jpeg, true},
      {"image/heic", SourceFormat::jpeg, true},
      {"text/plain", SourceFormat::gif, true},
      {"image/jpegx", SourceFormat::jpeg, true},
      {"image", SourceFormat::jpeg, true},
  };
  for (const Row& row : rows) {
    CAPTURE(row.declared);
    CHECK(declared_type_contradicts(row.declared, row.actual) == row.contradicts);
  }
}

}  // namespace
}  // namespace kidwiki::engine::media

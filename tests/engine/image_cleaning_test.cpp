// Uploaded pictures come out clean: upright, in sRGB, first frame only, with no metadata left,
// checked both by reading the result again with libvips and by looking at its bytes; and what is
// not a picture, too large or damaged is refused with the right error. The fixtures and how they
// were made: tests/data/images/README.md.
#include <doctest/doctest.h>

#include <atomic>
#include <cstdint>
#include <fstream>
#include <sstream>
#include <stdexcept>
#include <string>
#include <thread>
#include <vector>

#include "media/image_cleaning.h"
#include "media/image_type.h"
#include "media/vips_runtime.h"
#include "media/webp_container.h"

namespace kidwiki::engine::media {
namespace {

std::string fixture(const std::string& name) {
  std::ifstream file(std::string(KIDWIKI_IMAGES_DIR) + "/" + name, std::ios::binary);
  std::ostringstream bytes;
  bytes << file.rdbuf();
  REQUIRE_MESSAGE(!bytes.str().empty(), "missing fixture " << name);
  return bytes.str();
}

VipsImagePtr reload(const std::string& bytes) {
  start_vips();
  VipsImage* image = vips_image_new_from_buffer(bytes.data(), bytes.size(), "", nullptr);
  REQUIRE(image != nullptr);
  return VipsImagePtr(image);
}

// The metadata fields libvips finds in a picture, separated by spaces; a clean one has none.
std::string metadata_fields(VipsImage* image) {
  static const std::string kMetadata[] = {
      "exif-",        "xmp-data",     "iptc-data",   "icc-profile-data",
      "jpeg-comment", "png-comment-", "gif-comment", "orientation"};
  std::string found;
  gchar** fields = vips_image_get_fields(image);
  for (gchar** field = fields; *field != nullptr; ++field) {
    for (const std::string& prefix : kMetadata) {
      if (std::string_view(*field).starts_with(prefix)) found += std::string(*field) + " ";
    }
  }
  g_strfreev(fields);
  return found;
}

std::vector<double> pixel(VipsImage* image, int x, int y) {
  double* values = nullptr;
  int count = 0;
  REQUIRE(vips_getpoint(image, &values, &count, x, y, nullptr) == 0);
  std::vector<double> result(values, values + count);
  g_free(values);
  return result;
}

// Within `tolerance` of the red, green and blue expected (lossy formats move colours a little).
bool looks_like(const std::vector<double>& got, std::vector<double> rgb, double tolerance) {
  if (got.size() < 3) return false;
  for (std::size_t i = 0; i < 3; ++i) {
    if (got[i] < rgb[i] - tolerance || got[i] > rgb[i] + tolerance) return false;
  }
  return true;
}

bool contains(std::string_view bytes, std::string_view text) {
  return bytes.find(text) != std::string_view::npos;
}

std::string arg(const Error& error, std::string_view name) {
  for (const auto& [key, value] : error.args) {
    if (key != name) continue;
    if (const auto* text = std::get_if<std::string>(&value)) return *text;
    return std::to_string(std::get<std::int64_t>(value));
  }
  return "";
}

const char* loader_of(ImageFormat format) {
  switch (format) {
    case ImageFormat::jpeg:
      return "jpegload_buffer";
    case ImageFormat::png:
      return "pngload_buffer";
    case ImageFormat::webp:
      return "webpload_buffer";
  }
  return "";
}

// What the fixtures hide, as it appears in their bytes: each row checks the fixture has it and the
// clean picture has not.
TEST_CASE("image cleaning: every format comes out as itself, with no metadata at all") {
  struct Row {
    std::string file;
    const char* declared;
    ImageFormat format;
    int width, height;
    std::vector<std::string_view> hidden;
  };
  const Row rows[] = {
      {"phone.jpg",
       "image/jpeg",
       ImageFormat::jpeg,
       48,
       64,
       {"Exif", "GPS", "KidPhone", "Secret Name", "http://ns.adobe.com/xap", "Photoshop 3.0",
        "Secret Photographer", "secret jpeg comment"}},
      {"cmyk.jpg", "image/jpeg", ImageFormat::jpeg, 64, 48, {}},
      {"profile.png",
       "image/png",
       ImageFormat::png,
       40,
       30,
       {"iCCP", "tEXt", "eXIf", "GPS", "Secret Name", "secret png comment"}},
      {"lossy.webp",
       "image/webp",
       ImageFormat::webp,
       50,
       40,
       {"EXIF", "XMP ", "GPS", "Secret Name"}},
      {"lossless.webp",
       "image/webp",
       ImageFormat::webp,
       50,
       40,
       {"EXIF", "XMP ", "GPS", "Secret Name"}},
      {"animated.gif", "image/gif", ImageFormat::png, 32, 24, {"secret gif comment"}},
  };
  for (const Row& row : rows) {
    CAPTURE(row.file);
    const std::string upload = fixture(row.file);
    for (std::string_view hidden : row.hidden) {
      CAPTURE(hidden);
      REQUIRE(contains(upload, hidden));
    }
    const auto clean = clean_image(upload, row.declared, ImageLimits{});
    REQUIRE(clean.ok());
    CHECK(clean->format == row.format);
    CHECK(clean->width == row.width);
    CHECK(clean->height == row.height);
    for (std::string_view hidden : row.hidden) {
      CAPTURE(hidden);
      CHECK_FALSE(contains(clean->bytes, hidden));
    }
    const VipsImagePtr again = reload(clean->bytes);
    CHECK(vips_image_get_width(again.get()) == row.width);
    CHECK(vips_image_get_height(again.get()) == row.height);
    CHECK(vips_image_get_n_pages(again.get()) == 1);
    CHECK(vips_image_get_interpretation(again.get()) == VIPS_INTERPRETATION_sRGB);
    CHECK(metadata_fields(again.get()) == "");
    const char* loader = nullptr;
    REQUIRE(vips_image_get_string(again.get(), "vips-loader", &loader) == 0);
    CHECK(std::string(loader) == loader_of(row.format));
  }
}

TEST_CASE("image cleaning: mime types and extensions of what is stored") {
  CHECK(CleanImage{"", ImageFormat::jpeg}.mime() == "image/jpeg");
  CHECK(CleanImage{"", ImageFormat::jpeg}.extension() == "jpg");
  CHECK(CleanImage{"", ImageFormat::png}.mime() == "image/png");
  CHECK(CleanImage{"", ImageFormat::png}.extension() == "png");
  CHECK(CleanImage{"", ImageFormat::webp}.mime() == "image/webp");
  CHECK(CleanImage{"", ImageFormat::webp}.extension() == "webp");
}

// The fixture is stored 64 x 48 with a red square in its top-left corner and EXIF orientation 6
// ("turn a quarter to the right to show it"): shown, it is 48 x 64 with the square top right.
TEST_CASE("image cleaning: a phone photo stored sideways comes out upright") {
  const auto clean = clean_image(fixture("phone.jpg"), "image/jpeg", ImageLimits{});
  REQUIRE(clean.ok());
  const VipsImagePtr image = reload(clean->bytes);
  REQUIRE(vips_image_get_width(image.get()) == 48);
  REQUIRE(vips_image_get_height(image.get()) == 64);
  CHECK(looks_like(pixel(image.get(), 40, 8), {220, 20, 20}, 30));
  CHECK(looks_like(pixel(image.get(), 8, 8), {30, 60, 200}, 30));
  CHECK(looks_like(pixel(image.get(), 40, 56), {30, 60, 200}, 30));
}

// profile.png holds the sRGB colour (220, 20, 20) written as Display P3 numbers, (202, 49, 37),
// with the P3 profile: read through the profile, the colour comes back.
TEST_CASE("image cleaning: an embedded ICC profile is applied, then dropped") {
  const std::string upload = fixture("profile.png");
  CHECK(looks_like(pixel(reload(upload).get(), 2, 2), {202, 49, 37}, 2));
  const auto clean = clean_image(upload, "image/png", ImageLimits{});
  REQUIRE(clean.ok());
  const VipsImagePtr image = reload(clean->bytes);
  CHECK(looks_like(pixel(image.get(), 2, 2), {220, 20, 20}, 4));
  CHECK(looks_like(pixel(image.get(), 30, 20), {30, 60, 200}, 4));
  CHECK(vips_image_get_typeof(image.get(), VIPS_META_ICC_NAME) == 0);
}

TEST_CASE("image cleaning: a CMYK JPEG comes out as sRGB") {
  const auto clean = clean_image(fixture("cmyk.jpg"), "image/jpeg", ImageLimits{});
  REQUIRE(clean.ok());
  const VipsImagePtr image = reload(clean->bytes);
  CHECK(vips_image_get_bands(image.get()) == 3);
  CHECK(vips_image_get_interpretation(image.get()) == VIPS_INTERPRETATION_sRGB);
  CHECK(looks_like(pixel(image.get(), 4, 4), {220, 20, 20}, 40));
}

// Frames of 32 x 24: red, then green, then blue.
TEST_CASE("image cleaning: an animated GIF keeps its first frame, as PNG") {
  const auto clean = clean_image(fixture("animated.gif"), "image/gif", ImageLimits{});
  REQUIRE(clean.ok());
  CHECK(clean->format == ImageFormat::png);
  CHECK(clean->mime() == "image/png");
  const VipsImagePtr image = reload(clean->bytes);
  CHECK(vips_image_get_height(image.get()) == 24);
  CHECK(looks_like(pixel(image.get(), 16, 12), {220, 20, 20}, 1));
}

TEST_CASE("image cleaning: a WebP stays lossless or lossy as it came, its alpha kept") {
  const auto lossless = clean_image(fixture("lossless.webp"), "image/webp", ImageLimits{});
  REQUIRE(lossless.ok());
  CHECK(is_lossless_webp(lossless->bytes));
  CHECK(vips_image_get_bands(reload(lossless->bytes).get()) == 4);
  CHECK(looks_like(pixel(reload(lossless->bytes).get(), 4, 4), {220, 20, 20}, 0));
  const auto lossy = clean_image(fixture("lossy.webp"), "image/webp", ImageLimits{});
  REQUIRE(lossy.ok());
  CHECK_FALSE(is_lossless_webp(lossy->bytes));
  CHECK(sniff_image_format(lossy->bytes) == SourceFormat::webp);
}

std::string big_endian_32(std::uint32_t value) {
  std::string bytes;
  for (int i = 3; i >= 0; --i) bytes += static_cast<char>(value >> (8 * i) & 0xFF);
  return bytes;
}

std::uint32_t crc32(std::string_view bytes) {
  std::uint32_t crc = 0xFFFFFFFF;
  for (unsigned char byte : bytes) {
    crc ^= byte;
    for (int bit = 0; bit < 8; ++bit) crc = (crc >> 1) ^ (0xEDB88320 & (0 - (crc & 1)));
  }
  return ~crc;
}

std::string png_chunk(const std::string& type, const std::string& data) {
  return big_endian_32(static_cast<std::uint32_t>(data.size())) + type + data +
         big_endian_32(crc32(type + data));
}

// A valid PNG whose header announces `width` x `height` RGB pixels, with one tiny IDAT (an empty
// zlib stream): decoding it would ask for width x height x 3 bytes; refusing it costs nothing.
std::string png_announcing(std::uint32_t width, std::uint32_t height) {
  // 8 bits per sample, RGB, deflate, no filter method, no interlacing.
  const std::string header =
      big_endian_32(width) + big_endian_32(height) + std::string("\x08\x02\0\0\0", 5);
  return std::string("\x89PNG\r\n\x1A\n") + png_chunk("IHDR", header) +
         png_chunk("IDAT", std::string("\x78\x9C\x03\x00\x00\x00\x00\x01", 8)) +
         png_chunk("IEND", "");
}

ImageLimits limits_with(std::size_t max_bytes, std::uint64_t max_pixels, int max_frames) {
  ImageLimits limits;
  limits.max_bytes = max_bytes;
  limits.max_pixels = max_pixels;
  limits.max_frames = max_frames;
  return limits;
}

TEST_CASE("image cleaning: what is refused, and why" * doctest::timeout(60)) {
  const ImageLimits usual;
  const std::string phone = fixture("phone.jpg");
  const std::string png = fixture("profile.png");
  struct Row {
    std::string name;
    std::string upload;
    const char* declared;
    ImageLimits limits;
    ErrorCode code;
    std::string message_id;
    std::string kind;       // the "kind" arg, "" when none
    std::string limit_arg;  // the arg saying the limit, and its value
    std::string limit_value;
  };
  const Row rows[] = {
      {"nothing sent", "", "image/jpeg", usual, ErrorCode::invalid_input, "upload-error-empty", "",
       "", ""},
      {"more bytes than allowed", phone, "image/jpeg", limits_with(1000, 50'000'000, 1000),
       ErrorCode::too_large, "upload-error-too-large", "", "megabytes", "1"},
      {"ten megabytes said as 10", std::string(10 * 1024 * 1024 + 1, 'x'), "", usual,
       ErrorCode::too_large, "upload-error-too-large", "", "megabytes", "10"},
      {"a PDF named .jpg", fixture("pdf-named.jpg"), "image/jpeg", usual, ErrorCode::invalid_input,
       "upload-error-not-an-image", "unsupported-type", "", ""},
      {"an SVG drawing", fixture("drawing.svg"), "image/svg+xml", usual, ErrorCode::invalid_input,
       "upload-error-not-an-image", "unsupported-type", "", ""},
      {"an SVG said to be a PNG", fixture("drawing.svg"), "image/png", usual,
       ErrorCode::invalid_input, "upload-error-not-an-image", "unsupported-type", "", ""},
      {"a JPEG said to be a PNG", phone, "image/png", usual, ErrorCode::invalid_input,
       "upload-error-type-mismatch", "unsupported-type", "", ""},
      {"a JPEG said to be a PDF", phone, "application/pdf", usual, ErrorCode::invalid_input,
       "upload-error-type-mismatch", "unsupported-type", "", ""},
      {"a JPEG cut in half", phone.substr(0, phone.size() / 2), "image/jpeg", usual,
       ErrorCode::unprocessable, "upload-error-damaged", "", "", ""},
      {"a JPEG cut inside its header", phone.substr(0, 100), "image/jpeg", usual,
       ErrorCode::unprocessable, "upload-error-damaged", "", "", ""},
      {"a PNG cut in half", png.substr(0, png.size() / 2), "image/png", usual,
       ErrorCode::unprocessable, "upload-error-damaged", "", "", ""},
      {"a decompression bomb: 50,000 x 50,000 announced", png_announcing(50000, 50000), "image/png",
       usual, ErrorCode::too_large, "upload-error-too-many-pixels", "", "megapixels", "50"},
      {"a picture over the pixel limit", phone, "image/jpeg", limits_with(usual.max_bytes, 3000, 9),
       ErrorCode::too_large, "upload-error-too-many-pixels", "", "megapixels", "1"},
      {"a long thin picture", png_announcing(30000, 10), "image/png", usual, ErrorCode::too_large,
       "upload-error-side-too-long", "", "pixels", "20000"},
      {"more frames than allowed", fixture("animated.gif"), "image/gif",
       limits_with(usual.max_bytes, usual.max_pixels, 2), ErrorCode::too_large,
       "upload-error-too-many-frames", "", "frames", "2"},
  };
  for (const Row& row : rows) {
    CAPTURE(row.name);
    const auto refused = clean_image(row.upload, row.declared, row.limits);
    REQUIRE_FALSE(refused.ok());
    CHECK(refused.error().code == row.code);
    CHECK(refused.error().message_id == row.message_id);
    CHECK(arg(refused.error(), "kind") == row.kind);
    if (!row.limit_arg.empty()) CHECK(arg(refused.error(), row.limit_arg) == row.limit_value);
  }
}

TEST_CASE("image cleaning: a declared type that agrees or says nothing is accepted") {
  const std::string phone = fixture("phone.jpg");
  for (const std::string declared : {"image/jpeg", "IMAGE/JPEG; charset=binary", "image/jpg",
                                     "image/pjpeg", "", "application/octet-stream"}) {
    CAPTURE(declared);
    CHECK(clean_image(phone, declared, ImageLimits{}).ok());
  }
  CHECK(clean_image(fixture("animated.gif"), "", limits_with(1 << 20, 768, 3)).ok());
}

// Defence in depth behind the sniffing: the loaders of other formats are blocked for the whole
// process, so even libvips's own guess from the bytes cannot read a PDF or an SVG.
TEST_CASE("image cleaning: libvips itself reads none of the formats the wiki does not take") {
  start_vips();
  for (const std::string file : {"pdf-named.jpg", "drawing.svg"}) {
    CAPTURE(file);
    const std::string bytes = fixture(file);
    VipsImage* image = vips_image_new_from_buffer(bytes.data(), bytes.size(), "", nullptr);
    CHECK(image == nullptr);
    if (image != nullptr) g_object_unref(image);
    vips_error_clear();
  }
}

TEST_CASE("image cleaning: many threads clean pictures at once" * doctest::timeout(120)) {
  const std::vector<std::string> files = {"phone.jpg",     "profile.png",  "lossy.webp",
                                          "lossless.webp", "animated.gif", "wide.jpg"};
  std::vector<std::string> uploads, expected;
  for (const std::string& file : files) {
    uploads.push_back(fixture(file));
    const auto clean = clean_image(uploads.back(), "", ImageLimits{});
    REQUIRE(clean.ok());
    expected.push_back(clean->bytes);
  }
  std::atomic<int> differences{0};
  std::vector<std::thread> threads;
  for (int t = 0; t < 4; ++t) {
    threads.emplace_back([&, t] {
      for (int round = 0; round < 5; ++round) {
        const std::size_t i = (t + round) % uploads.size();
        const auto clean = clean_image(uploads[i], "", ImageLimits{});
        if (!clean.ok() || clean->bytes != expected[i]) ++differences;
      }
    });
  }
  for (auto& thread : threads) thread.join();
  CHECK(differences == 0);
}

TEST_CASE("image cleaning: a variant for articles is a smaller WebP, never a larger one") {
  const auto wide = clean_image(fixture("wide.jpg"), "image/jpeg", ImageLimits{});
  REQUIRE(wide.ok());
  REQUIRE(wide->width == 440);
  REQUIRE(wide->height == 330);
  struct Row {
    int width_asked;
    int width, height;
  };
  for (const Row row :
       {Row{220, 220, 165}, Row{100, 100, 75}, Row{440, 440, 330}, Row{1000, 440, 330}}) {
    CAPTURE(row.width_asked);
    const auto variant = make_variant(wide->bytes, row.width_asked);
    REQUIRE(variant.ok());
    CHECK(variant->format == ImageFormat::webp);
    CHECK(variant->width == row.width);
    CHECK(variant->height == row.height);
    CHECK(sniff_image_format(variant->bytes) == SourceFormat::webp);
    const VipsImagePtr image = reload(variant->bytes);
    CHECK(vips_image_get_width(image.get()) == row.width);
    CHECK(vips_image_get_height(image.get()) == row.height);
    CHECK(metadata_fields(image.get()) == "");
    CHECK(looks_like(pixel(image.get(), row.width - 4, row.height - 4), {30, 60, 200}, 30));
  }
}

TEST_CASE("image cleaning: a variant of an upright photo, and of a picture with alpha") {
  const auto phone = clean_image(fixture("phone.jpg"), "", ImageLimits{});
  REQUIRE(phone.ok());
  const auto small = make_variant(phone->bytes, 24);
  REQUIRE(small.ok());
  CHECK(small->width == 24);
  CHECK(small->height == 32);
  const auto same = make_variant(phone->bytes, 220);
  REQUIRE(same.ok());
  CHECK(same->width == 48);
  CHECK(same->height == 64);
  const auto drawing = clean_image(fixture("lossless.webp"), "", ImageLimits{});
  REQUIRE(drawing.ok());
  const auto variant = make_variant(drawing->bytes, 25);
  REQUIRE(variant.ok());
  CHECK(variant->height == 20);
  CHECK(vips_image_get_bands(reload(variant->bytes).get()) == 4);
}

TEST_CASE("image cleaning: a variant of what is not a clean picture is refused") {
  const std::string phone = fixture("phone.jpg");
  const auto not_image = make_variant(fixture("drawing.svg"), 220);
  REQUIRE_FALSE(not_image.ok());
  CHECK(not_image.error().message_id == "upload-error-not-an-image");
  const auto cut = make_variant(phone.substr(0, phone.size() / 2), 10);
  REQUIRE_FALSE(cut.ok());
  CHECK(cut.error().code == ErrorCode::unprocessable);
  const auto bomb = make_variant(png_announcing(50000, 50000), 220);
  REQUIRE_FALSE(bomb.ok());
  CHECK(bomb.error().code == ErrorCode::too_large);
  CHECK_THROWS_AS((void)make_variant(phone, 0), std::invalid_argument);
}

}  // namespace
}  // namespace kidwiki::engine::media

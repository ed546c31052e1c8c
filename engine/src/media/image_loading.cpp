#include "media/image_loading.h"

#include <cstdint>
#include <optional>

#include "media/upload_errors.h"

namespace kidwiki::engine::media {
namespace {

// The loader of the format, never libvips's own guess from the bytes (which would read a PDF or
// an SVG). Truncated data is an error, not a picture with a grey bottom; lesser damage (a few bad
// bytes in the middle) decodes as well as it can and is encoded again like any picture.
int load(std::string_view bytes, SourceFormat format, VipsImage** out) {
  void* data = const_cast<char*>(bytes.data());  // libvips only reads it
  const std::size_t size = bytes.size();
  switch (format) {
    case SourceFormat::jpeg:
      return vips_jpegload_buffer(data, size, out, "access", VIPS_ACCESS_SEQUENTIAL, "fail_on",
                                  VIPS_FAIL_ON_TRUNCATED, nullptr);
    case SourceFormat::png:
      return vips_pngload_buffer(data, size, out, "access", VIPS_ACCESS_SEQUENTIAL, "fail_on",
                                 VIPS_FAIL_ON_TRUNCATED, nullptr);
    case SourceFormat::webp:
      return vips_webpload_buffer(data, size, out, "access", VIPS_ACCESS_SEQUENTIAL, "fail_on",
                                  VIPS_FAIL_ON_TRUNCATED, nullptr);
    case SourceFormat::gif:
      return vips_gifload_buffer(data, size, out, "access", VIPS_ACCESS_SEQUENTIAL, "fail_on",
                                 VIPS_FAIL_ON_TRUNCATED, nullptr);
  }
  return -1;
}

// The limits, from the header alone. An animation's loader opens its first frame only, so
// width × height are one frame's; "n-pages" counts them all.
std::optional<Error> over_limits(VipsImage* image, const ImageLimits& limits) {
  const int width = vips_image_get_width(image);
  const int height = vips_image_get_height(image);
  if (static_cast<std::uint64_t>(width) * static_cast<std::uint64_t>(height) > limits.max_pixels) {
    return too_many_pixels(limits.max_pixels);
  }
  if (width > limits.max_side || height > limits.max_side) return side_too_long(limits.max_side);
  if (vips_image_get_n_pages(image) > limits.max_frames) return too_many_frames(limits.max_frames);
  return std::nullopt;
}

}  // namespace

Result<VipsImagePtr> open_image(std::string_view bytes, SourceFormat format,
                                const ImageLimits& limits) {
  VipsImage* loaded = nullptr;
  if (load(bytes, format, &loaded) != 0) {
    forget_vips_error();
    return damaged_image();
  }
  VipsImagePtr image(loaded);
  if (auto refused = over_limits(image.get(), limits)) return *refused;
  return image;
}

}  // namespace kidwiki::engine::media

#include "media/image_cleaning.h"

#include <stdexcept>

#include "media/image_encoding.h"
#include "media/image_loading.h"
#include "media/image_type.h"
#include "media/upload_errors.h"
#include "media/vips_runtime.h"
#include "media/webp_container.h"

namespace kidwiki::engine::media {
namespace {

// What the bytes are, before libvips sees them: nothing it could misread reaches it.
Result<SourceFormat> upload_format(std::string_view upload, std::string_view declared_mime,
                                   const ImageLimits& limits) {
  if (upload.empty()) return empty_upload();
  if (upload.size() > limits.max_bytes) return upload_too_large(limits.max_bytes);
  const auto format = sniff_image_format(upload);
  if (!format) return not_an_image();
  if (declared_type_contradicts(declared_mime, *format)) return declared_type_mismatch();
  return *format;
}

// Turned as the camera meant it (EXIF orientation). Any orientation but the usual one reads the
// picture in another order than it is stored (a quarter turn reads columns), which a sequential
// loader cannot do: such a picture is decoded into memory first.
Result<VipsImagePtr> upright(VipsImagePtr image) {
  if (vips_image_get_orientation(image.get()) == 1) return image;
  VipsImage* decoded = vips_image_copy_memory(image.get());
  if (decoded == nullptr) {
    forget_vips_error();
    return damaged_image();
  }
  const VipsImagePtr in_memory(decoded);
  VipsImage* turned = nullptr;
  if (vips_autorot(in_memory.get(), &turned, nullptr) != 0) {
    forget_vips_error();
    return damaged_image();
  }
  return VipsImagePtr(turned);
}

// An embedded ICC profile says what the numbers of the pixels mean (a phone's wide-gamut red is
// not sRGB's): converting through it keeps the colours once the profile is dropped. A profile that
// cannot be used is ignored, as browsers do.
VipsImagePtr through_profile(VipsImagePtr image) {
  if (vips_image_get_typeof(image.get(), VIPS_META_ICC_NAME) == 0) return image;
  VipsImage* converted = nullptr;
  if (vips_icc_transform(image.get(), &converted, "srgb", "embedded", TRUE, nullptr) != 0) {
    forget_vips_error();
    return image;
  }
  return VipsImagePtr(converted);
}

// 8-bit sRGB, what every browser shows the same way: grey, CMYK and 16-bit pictures converted.
Result<VipsImagePtr> in_srgb(VipsImagePtr image) {
  image = through_profile(std::move(image));
  if (vips_image_get_interpretation(image.get()) == VIPS_INTERPRETATION_sRGB &&
      vips_image_get_format(image.get()) == VIPS_FORMAT_UCHAR) {
    return image;
  }
  VipsImage* converted = nullptr;
  if (vips_colourspace(image.get(), &converted, VIPS_INTERPRETATION_sRGB, nullptr) != 0) {
    forget_vips_error();
    return damaged_image();
  }
  return VipsImagePtr(converted);
}

// A format stays itself, except GIF: its first frame is kept as PNG, lossless like GIF. A WebP
// keeps its kind: a lossless drawing must not come back blurred.
Encoding stored_encoding(SourceFormat format, std::string_view upload) {
  switch (format) {
    case SourceFormat::jpeg:
      return {ImageFormat::jpeg, 90, false};
    case SourceFormat::webp:
      return {ImageFormat::webp, 90, is_lossless_webp(upload)};
    case SourceFormat::png:
    case SourceFormat::gif:
      break;
  }
  return {ImageFormat::png, 90, false};
}

Result<CleanImage> encoded(VipsImage* image, const Encoding& encoding) {
  auto bytes = encode_image(image, encoding);
  if (!bytes) return bytes.error();
  return CleanImage{std::move(bytes.value()), encoding.format, vips_image_get_width(image),
                    vips_image_get_height(image)};
}

}  // namespace

std::string_view mime_type(ImageFormat format) {
  switch (format) {
    case ImageFormat::jpeg:
      return "image/jpeg";
    case ImageFormat::png:
      return "image/png";
    case ImageFormat::webp:
      return "image/webp";
  }
  throw std::logic_error("unknown ImageFormat");
}

std::string_view file_extension(ImageFormat format) {
  switch (format) {
    case ImageFormat::jpeg:
      return "jpg";
    case ImageFormat::png:
      return "png";
    case ImageFormat::webp:
      return "webp";
  }
  throw std::logic_error("unknown ImageFormat");
}

Result<CleanImage> clean_image(std::string_view upload, std::string_view declared_mime,
                               const ImageLimits& limits) {
  start_vips();
  const auto format = upload_format(upload, declared_mime, limits);
  if (!format) return format.error();
  auto opened = open_image(upload, format.value(), limits);
  if (!opened) return opened.error();
  auto turned = upright(std::move(opened.value()));
  if (!turned) return turned.error();
  auto ready = in_srgb(std::move(turned.value()));
  if (!ready) return ready.error();
  return encoded(ready.value().get(), stored_encoding(format.value(), upload));
}

Result<CleanImage> make_variant(std::string_view clean_bytes, int width) {
  if (width < 1) throw std::invalid_argument("make_variant: width must be at least 1");
  start_vips();
  const auto format = sniff_image_format(clean_bytes);
  if (!format) return not_an_image();
  // The bytes are the wiki's own, but the same bound as an upload's costs one header read.
  if (auto opened = open_image(clean_bytes, *format, ImageLimits{}); !opened) return opened.error();
  // libvips's thumbnail picks its loader from the bytes, among the four left unblocked (see
  // start_vips), and uses its shrink-on-load: a JPEG is decoded at 1/2, 1/4 or 1/8 of its size
  // when that is still wider than asked. The picture is upright already.
  VipsImage* resized = nullptr;
  if (vips_thumbnail_buffer(const_cast<char*>(clean_bytes.data()), clean_bytes.size(), &resized,
                            width, "height", VIPS_MAX_COORD, "size", VIPS_SIZE_DOWN, "no_rotate",
                            TRUE, "fail_on", VIPS_FAIL_ON_TRUNCATED, nullptr) != 0) {
    forget_vips_error();
    return damaged_image();
  }
  const VipsImagePtr variant(resized);
  return encoded(variant.get(), {ImageFormat::webp, 80, false});
}

}  // namespace kidwiki::engine::media

#include "media/image_encoding.h"

#include <memory>

#include "media/upload_errors.h"
#include "media/webp_container.h"

namespace kidwiki::engine::media {
namespace {

// A copy of the image without a single metadata field. libvips shares images between operations,
// so fields are removed from a copy of their own, never from the image given. vips_image_remove
// leaves the fields every image has (width, bands, interpretation...) in place.
VipsImagePtr without_metadata(VipsImage* image) {
  VipsImage* copy = nullptr;
  if (vips_copy(image, &copy, nullptr) != 0) return nullptr;
  VipsImagePtr bare(copy);
  gchar** fields = vips_image_get_fields(bare.get());
  for (gchar** field = fields; *field != nullptr; ++field) vips_image_remove(bare.get(), *field);
  g_strfreev(fields);
  return bare;
}

int save(VipsImage* image, const Encoding& encoding, void** buffer, std::size_t* length) {
  switch (encoding.format) {
    case ImageFormat::jpeg:
      // Not optimize_coding: its second pass keeps the whole picture's coefficients in memory
      // (70 MB for 12 megapixels) to save a few percent of the file.
      return vips_jpegsave_buffer(image, buffer, length, "Q", encoding.quality, "strip", TRUE,
                                  nullptr);
    case ImageFormat::png:
      return vips_pngsave_buffer(image, buffer, length, "strip", TRUE, nullptr);
    case ImageFormat::webp:
      if (encoding.lossless) {
        return vips_webpsave_buffer(image, buffer, length, "lossless", TRUE, "strip", TRUE,
                                    nullptr);
      }
      return vips_webpsave_buffer(image, buffer, length, "Q", encoding.quality, "strip", TRUE,
                                  nullptr);
  }
  return -1;
}

struct GFree {
  void operator()(void* memory) const { g_free(memory); }
};

}  // namespace

Result<std::string> encode_image(VipsImage* image, const Encoding& encoding) {
  VipsImagePtr bare = without_metadata(image);
  void* buffer = nullptr;
  std::size_t length = 0;
  if (bare == nullptr || save(bare.get(), encoding, &buffer, &length) != 0) {
    forget_vips_error();
    return damaged_image();
  }
  const std::unique_ptr<void, GFree> owned(buffer);
  std::string bytes(static_cast<const char*>(buffer), length);
  if (encoding.format != ImageFormat::webp) return bytes;
  auto trimmed = webp_without_metadata(bytes);
  if (!trimmed) return damaged_image();  // libvips wrote something that is not WebP: never stored
  return std::move(*trimmed);
}

}  // namespace kidwiki::engine::media

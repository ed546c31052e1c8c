// Encoding a decoded picture again, with nothing of its metadata: not the EXIF (GPS position,
// camera, date, owner), XMP, IPTC, ICC profile or comments it came with. More than one lock,
// because one forgotten field would be enough to tell where a child lives: every metadata field is
// removed from (a copy of) the image, the savers are told to strip whatever could remain, and a
// WebP loses every chunk that is not its picture's (webp_without_metadata: libvips 8.14.1 writes
// EXIF into WebP files whatever it is told).
#pragma once

#include <string>

#include "engine/result.h"
#include "media/image_cleaning.h"
#include "media/vips_runtime.h"

namespace kidwiki::engine::media {

struct Encoding {
  ImageFormat format = ImageFormat::png;
  int quality = 90;       // JPEG and lossy WebP, 1 to 100
  bool lossless = false;  // WebP only: lossless instead of quality
};

// The encoded bytes. This is where libvips decodes the pixels (see image_loading.h), so a picture
// that turns out damaged fails here: damaged_image (unprocessable).
Result<std::string> encode_image(VipsImage* image, const Encoding& encoding);

}  // namespace kidwiki::engine::media

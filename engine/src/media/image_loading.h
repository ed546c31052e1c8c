// Opening a picture for decoding: the loader of its (sniffed) format only, its header read and
// checked against the limits, no pixel decoded yet. libvips decodes pixels later, top to bottom,
// while the picture is encoded again (sequential access): a damaged picture fails then, and a
// picture too large for the limits never costs more than reading its header.
#pragma once

#include <string_view>

#include "engine/result.h"
#include "media/image_cleaning.h"
#include "media/image_type.h"
#include "media/vips_runtime.h"

namespace kidwiki::engine::media {

// Precondition: start_vips() was called, and `format` is what sniff_image_format says of
// `bytes`. The bytes must outlive the image, which reads them in place.
// Errors: damaged_image when the header cannot be read; too_many_pixels, side_too_long,
// too_many_frames (too_large) from the header.
Result<VipsImagePtr> open_image(std::string_view bytes, SourceFormat format,
                                const ImageLimits& limits);

}  // namespace kidwiki::engine::media

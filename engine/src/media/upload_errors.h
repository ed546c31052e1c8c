// The refusals an uploaded picture can get, with their message ids (i18n/messages/*/media.json)
// and arguments, in one place. A type the wiki does not take carries the argument
// kind = "unsupported-type", which the web layer answers with 415.
#pragma once

#include <cstddef>
#include <cstdint>

#include "engine/result.h"

namespace kidwiki::engine::media {

// invalid_input: nothing was sent.
Error empty_upload();
// invalid_input, kind unsupported-type: not a JPEG, PNG, WebP or GIF picture.
Error not_an_image();
// invalid_input, kind unsupported-type: the declared type is not what the bytes are.
Error declared_type_mismatch();
// too_large: more bytes than `max_bytes`; the limit is said in megabytes.
Error upload_too_large(std::size_t max_bytes);
// too_large: more than `max_pixels` pixels; the limit is said in millions of pixels.
Error too_many_pixels(std::uint64_t max_pixels);
// too_large: a side longer than `max_side` pixels.
Error side_too_long(int max_side);
// too_large: an animation announcing more than `max_frames` frames.
Error too_many_frames(int max_frames);
// unprocessable: the picture cannot be decoded to its end (damaged or truncated).
Error damaged_image();

}  // namespace kidwiki::engine::media

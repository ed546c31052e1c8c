// The WebP container, read and trimmed without decoding anything. A WebP file is a RIFF file:
// "RIFF", a size, "WEBP", then chunks (a four-letter name, a little-endian size, the payload
// padded to an even length). The picture is in "VP8 " (lossy) or "VP8L" (lossless) chunks, with
// "VP8X" (features), "ALPH" (lossy alpha), "ANIM" and "ANMF" (animation) around them; metadata is
// in "EXIF", "XMP " and "ICCP" chunks.
#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace kidwiki::engine::media {

// Whether a WebP file holds a lossless picture (its first image chunk, or that of its first
// animation frame, is "VP8L"). False when the file says lossy or cannot tell.
bool is_lossless_webp(std::string_view bytes);

// The same WebP with only its picture chunks (VP8X, ALPH, VP8, VP8L, ANIM, ANMF), the VP8X flags
// of the chunks removed cleared. Why: libvips 8.14.1 (Debian 12) writes an EXIF chunk into every
// WebP it saves, even with strip (libvips issue #3340). nullopt when the bytes are not a
// well-formed WebP container.
std::optional<std::string> webp_without_metadata(std::string_view bytes);

}  // namespace kidwiki::engine::media

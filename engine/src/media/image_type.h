// What type an upload is. Read from its first bytes (the formats' "magic numbers"), never from its
// name or its declared Content-Type: both are written by whoever sends the file. Only the four
// formats the wiki keeps are recognised; everything else (PDF, SVG, TIFF, HEIF, BMP...) is not a
// picture here, even where libvips could read it.
#pragma once

#include <optional>
#include <string_view>

namespace kidwiki::engine::media {

enum class SourceFormat { jpeg, png, webp, gif };

// The format the bytes start like; nullopt for anything else, the empty string included.
std::optional<SourceFormat> sniff_image_format(std::string_view bytes);

// Whether a declared Content-Type ("image/png", "image/png; charset=x", any case) says the file is
// something other than `actual`. Saying nothing ("" or "application/octet-stream", what browsers
// send for a file they do not know) contradicts nothing; the usual aliases (image/jpg,
// image/pjpeg, image/x-png, image/apng) agree with their format.
bool declared_type_contradicts(std::string_view declared_mime, SourceFormat actual);

}  // namespace kidwiki::engine::media

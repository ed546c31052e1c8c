// Turns an uploaded picture into safe bytes: a picture the wiki decoded and encoded again itself,
// with nothing left of the file it came from but its pixels. Phones write where a photo was taken
// (GPS), by whom and with what into its metadata; a child does not know it is there, so all of it
// goes. Decoding is bounded from the file's header before any pixel is decoded, and only four
// formats are read, each by its own decoder, whatever the upload says it is (docs/media.md).
//
// Thread-safety: both functions may be called from many threads at once. Each call decodes its
// picture with one libvips worker thread beside the caller's; libvips is started once, on the
// first call, and keeps no cache of decoded pictures.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

#include "engine/result.h"

namespace kidwiki::engine::media {

// What the wiki stores. A GIF upload becomes PNG: its first frame.
enum class ImageFormat { jpeg, png, webp };

// "image/jpeg", "image/png", "image/webp".
std::string_view mime_type(ImageFormat format);
// The file name extension without its dot: "jpg", "png", "webp".
std::string_view file_extension(ImageFormat format);

struct ImageLimits {
  // Largest upload, in bytes (too_large above).
  std::size_t max_bytes = 10 * 1024 * 1024;
  // Largest width × height, read from the header before anything is decoded. Most pictures are
  // decoded as a stream, a few rows at a time; one that must be turned (EXIF orientation) is
  // decoded whole first: 150 MB for 50 megapixels in RGB.
  std::uint64_t max_pixels = 50'000'000;
  // Longest side in pixels, for pictures long and thin enough to pass max_pixels.
  int max_side = 20000;
  // An animated GIF or WebP keeps its first frame only, but a file announcing more frames than
  // this is refused: counting them costs a walk through the whole file.
  int max_frames = 1000;
};

struct CleanImage {
  std::string bytes;  // encoded again, with no metadata at all
  ImageFormat format = ImageFormat::png;
  int width = 0;  // as shown, after the EXIF orientation was applied
  int height = 0;

  std::string mime() const { return std::string(mime_type(format)); }
  std::string extension() const { return std::string(file_extension(format)); }
};

// Decodes `upload` and encodes it again, clean:
// - the type comes from the bytes: JPEG, PNG, WebP or GIF, nothing else (not PDF, SVG, TIFF,
//   HEIF...). `declared_mime` (the upload's Content-Type, parameters allowed) may be empty or
//   "application/octet-stream"; any other type that is not the one of the bytes is refused.
// - width, height and frames are checked against `limits` from the header, before decoding;
// - the picture is turned upright from its EXIF orientation, converted to sRGB (through its ICC
//   profile when it has one) and, when animated, cut to its first frame;
// - it is encoded without any metadata (EXIF, GPS, XMP, IPTC, ICC profile, comments): JPEG stays
//   JPEG (quality 90), PNG stays PNG, WebP stays WebP (lossless when the upload was, else quality
//   90), GIF becomes PNG.
// Errors (Error::message_id starts with "upload-error-"):
// - invalid_input with the arg kind = "unsupported-type" (the web answers 415): not a picture of
//   the four formats, or a declared type the bytes contradict;
// - invalid_input without kind: an empty upload;
// - too_large: over max_bytes, max_pixels, max_side or max_frames;
// - unprocessable: a damaged or truncated picture.
Result<CleanImage> clean_image(std::string_view upload, std::string_view declared_mime,
                               const ImageLimits& limits);

// A copy of a picture clean_image made, `width` pixels wide (never wider than the picture itself:
// it is never enlarged), the height in proportion, as WebP (quality 80) without metadata: the
// size articles show. Precondition: width >= 1 (std::invalid_argument otherwise).
// Errors as clean_image's, for bytes that are not what clean_image makes: not a picture of the four
// formats (not_an_image), over the default ImageLimits (too_large), damaged (unprocessable).
Result<CleanImage> make_variant(std::string_view clean_bytes, int width);

}  // namespace kidwiki::engine::media

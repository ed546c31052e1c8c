// The pictures' bytes on disk, under the data folder:
//   media/originals/ab/<sha256>.<ext>       the cleaned image an upload stored
//   media/variants/ab/<sha256>-<width>.webp  its resized copies, made on first request
// Named by the SHA-256 of their bytes, so a name never changes meaning and two uploads of the same
// picture share one file. Written atomically (a temporary file, fsync, rename, fsync of the folder):
// a crash leaves either the whole file or none, never a torn one, and a revision row is written
// only after its file is durable. A file whose revision never committed stays as an orphan, which
// costs disk space and nothing else.
#pragma once

#include <filesystem>
#include <string>
#include <string_view>

#include "engine/result.h"

namespace kidwiki::engine {

class MediaFiles {
 public:
  explicit MediaFiles(std::filesystem::path dir) : dir_(std::move(dir)) {}

  // Stores `bytes` (already cleaned) and returns their SHA-256 in hex. Throws db::StorageError
  // when the disk refuses (full, read-only): the caller's save then writes nothing.
  std::string store(std::string_view bytes, std::string_view format) const;

  std::filesystem::path original(const std::string& sha256, std::string_view format) const;

  // The copy `width` pixels wide, made from the original the first time it is asked for.
  // Precondition: `width` is one of kPictureWidths and narrower than the image.
  Result<std::filesystem::path> variant(const std::string& sha256, std::string_view format,
                                        int width) const;

 private:
  std::filesystem::path dir_;
};

// The file's extension and Content-Type for a stored format ("jpeg" -> "jpg", "image/jpeg").
std::string_view extension_of(std::string_view format);
std::string_view content_type_of(std::string_view format);

}  // namespace kidwiki::engine

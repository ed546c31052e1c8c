// Tar archives through libarchive, the only place that includes it: writing one into a file
// descriptor, compressed as its name says, and reading one entry after another.
#pragma once

#include <cstdint>
#include <filesystem>
#include <functional>
#include <memory>
#include <optional>
#include <stdexcept>
#include <string>
#include <string_view>

struct archive;

namespace kidwiki::engine {

// libarchive's message for a write or read that failed (disk full, a damaged archive).
class ArchiveError : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

// Called with each block of a file as it goes; answers false to stop there.
using ByteSink = std::function<bool(std::string_view bytes)>;

// The compression a backup's name asks for: "none", "gzip", "xz", "zstd", "bzip2"; nothing when
// the name ends in no archive extension we write (.tar, .tar.gz, .tgz, .tar.xz, .tar.zst,
// .tar.bz2).
std::optional<std::string> compression_for(const std::filesystem::path& name);

class TarWriter {
 public:
  // Writes a POSIX (pax) tar into `fd` (not owned: the caller syncs and closes it), compressed
  // with `compression` (see compression_for). Throws ArchiveError.
  TarWriter(int fd, const std::string& compression);
  ~TarWriter();
  TarWriter(const TarWriter&) = delete;
  TarWriter& operator=(const TarWriter&) = delete;

  // Adds `source`'s bytes as the regular file `name`, calling `seen` with each block as it goes.
  // False when `seen` asked to stop: the archive is then torn and must be abandoned.
  // Throws ArchiveError, also when the file's size changed while it was read.
  bool add_file(const std::string& name, const std::filesystem::path& source, const ByteSink& seen);
  void add_bytes(const std::string& name, std::string_view bytes);
  // Writes the archive's end and flushes the compressor. Throws ArchiveError.
  void finish();

 private:
  void header(const std::string& name, std::uint64_t size);
  void data(std::string_view bytes);
  archive* a_;
};

class TarReader {
 public:
  struct Entry {
    std::string name;
    bool regular = false;  // a plain file (not a folder, link or device)
    std::int64_t size = 0;
  };

  // Reads a tar of any compression libarchive knows. Throws ArchiveError (cannot open).
  explicit TarReader(const std::filesystem::path& file);
  ~TarReader();
  TarReader(const TarReader&) = delete;
  TarReader& operator=(const TarReader&) = delete;

  // The next entry, or nothing at the archive's end. Throws ArchiveError: not a tar, truncated.
  std::optional<Entry> next();
  // The current entry's bytes, block by block; false when `sink` asked to stop. Throws
  // ArchiveError: truncated, damaged.
  bool read(const ByteSink& sink);
  // Bytes of the archive file consumed so far (for progress).
  std::uint64_t position() const;

 private:
  archive* a_;
};

}  // namespace kidwiki::engine

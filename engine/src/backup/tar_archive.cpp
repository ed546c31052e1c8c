#include "backup/tar_archive.h"

#include <archive.h>
#include <archive_entry.h>
#include <fcntl.h>
#include <unistd.h>

#include <array>
#include <cerrno>
#include <cstring>
#include <ctime>
#include <utility>

#include "disk/durable_writes.h"

namespace kidwiki::engine {
namespace {

constexpr std::size_t kBlock = 64 * 1024;

[[noreturn]] void fail(archive* a, const std::string& what) {
  const char* reason = archive_error_string(a);
  throw ArchiveError(what + ": " + (reason ? reason : "unknown error"));
}

bool ends_with(const std::string& s, std::string_view tail) {
  return s.size() >= tail.size() && s.compare(s.size() - tail.size(), tail.size(), tail) == 0;
}

void add_filter(archive* a, const std::string& compression) {
  int rc = ARCHIVE_OK;
  if (compression == "gzip")
    rc = archive_write_add_filter_gzip(a);
  else if (compression == "xz")
    rc = archive_write_add_filter_xz(a);
  else if (compression == "zstd")
    rc = archive_write_add_filter_zstd(a);
  else if (compression == "bzip2")
    rc = archive_write_add_filter_bzip2(a);
  if (rc != ARCHIVE_OK) fail(a, "compression " + compression);
}

// Reads `fd` into `sink` until its end; the count of bytes read, or nothing when `sink` stopped.
std::optional<std::uint64_t> pump(int fd, const std::filesystem::path& source,
                                  const ByteSink& sink) {
  std::array<char, kBlock> buffer;
  std::uint64_t total = 0;
  for (;;) {
    const ssize_t n = ::read(fd, buffer.data(), buffer.size());
    if (n < 0 && errno == EINTR) continue;
    if (n < 0) throw ArchiveError("cannot read " + source.string() + ": " + std::strerror(errno));
    if (n == 0) return total;
    if (!sink(std::string_view(buffer.data(), static_cast<std::size_t>(n)))) return std::nullopt;
    total += static_cast<std::uint64_t>(n);
  }
}

}  // namespace

std::optional<std::string> compression_for(const std::filesystem::path& name) {
  static const std::array<std::pair<std::string_view, std::string_view>, 6> kinds = {
      {{".tar", "none"},
       {".tar.gz", "gzip"},
       {".tgz", "gzip"},
       {".tar.xz", "xz"},
       {".tar.zst", "zstd"},
       {".tar.bz2", "bzip2"}}};
  const std::string file = name.filename().string();
  for (const auto& [tail, compression] : kinds) {
    if (file.size() > tail.size() && ends_with(file, tail)) return std::string(compression);
  }
  return std::nullopt;
}

TarWriter::TarWriter(int fd, const std::string& compression) : a_(archive_write_new()) {
  if (archive_write_set_format_pax_restricted(a_) != ARCHIVE_OK) fail(a_, "tar format");
  add_filter(a_, compression);
  if (archive_write_open_fd(a_, fd) != ARCHIVE_OK) fail(a_, "open");
}

TarWriter::~TarWriter() { archive_write_free(a_); }

void TarWriter::header(const std::string& name, std::uint64_t size) {
  archive_entry* entry = archive_entry_new();
  archive_entry_set_pathname(entry, name.c_str());
  archive_entry_set_filetype(entry, AE_IFREG);
  archive_entry_set_perm(entry, 0644);
  archive_entry_set_size(entry, static_cast<la_int64_t>(size));
  archive_entry_set_mtime(entry, std::time(nullptr), 0);
  const int rc = archive_write_header(a_, entry);
  archive_entry_free(entry);
  if (rc != ARCHIVE_OK) fail(a_, "write " + name);
}

void TarWriter::data(std::string_view bytes) {
  if (bytes.empty()) return;
  const la_ssize_t n = archive_write_data(a_, bytes.data(), bytes.size());
  if (n < 0 || static_cast<std::size_t>(n) != bytes.size()) fail(a_, "write");
}

bool TarWriter::add_file(const std::string& name, const std::filesystem::path& source,
                         const ByteSink& seen) {
  const disk::OwnedFd file{::open(source.c_str(), O_RDONLY | O_CLOEXEC)};
  if (file.fd < 0)
    throw ArchiveError("cannot open " + source.string() + ": " + std::strerror(errno));
  std::error_code ec;
  const std::uint64_t size = std::filesystem::file_size(source, ec);
  if (ec) throw ArchiveError("cannot read " + source.string() + ": " + ec.message());
  header(name, size);
  const auto read = pump(file.fd, source, [&](std::string_view bytes) {
    data(bytes);
    return seen(bytes);
  });
  if (!read) return false;
  // Invariant: the header announced `size` bytes; a tar with other data would be torn.
  if (*read != size) throw ArchiveError(source.string() + " changed while it was archived");
  return true;
}

void TarWriter::add_bytes(const std::string& name, std::string_view bytes) {
  header(name, bytes.size());
  data(bytes);
}

void TarWriter::finish() {
  if (archive_write_close(a_) != ARCHIVE_OK) fail(a_, "finish");
}

TarReader::TarReader(const std::filesystem::path& file) : a_(archive_read_new()) {
  archive_read_support_filter_all(a_);
  archive_read_support_format_tar(a_);
  if (archive_read_open_filename(a_, file.c_str(), kBlock) != ARCHIVE_OK) fail(a_, file.string());
}

TarReader::~TarReader() { archive_read_free(a_); }

std::optional<TarReader::Entry> TarReader::next() {
  archive_entry* entry = nullptr;
  const int rc = archive_read_next_header(a_, &entry);
  if (rc == ARCHIVE_EOF) return std::nullopt;
  if (rc != ARCHIVE_OK && rc != ARCHIVE_WARN) fail(a_, "read");
  const char* name = archive_entry_pathname(entry);
  return Entry{name ? name : "", archive_entry_filetype(entry) == AE_IFREG,
               archive_entry_size(entry)};
}

bool TarReader::read(const ByteSink& sink) {
  std::array<char, kBlock> buffer;
  for (;;) {
    const la_ssize_t n = archive_read_data(a_, buffer.data(), buffer.size());
    if (n < 0) fail(a_, "read");
    if (n == 0) return true;
    if (!sink(std::string_view(buffer.data(), static_cast<std::size_t>(n)))) return false;
  }
}

std::uint64_t TarReader::position() const {
  return static_cast<std::uint64_t>(archive_filter_bytes(a_, -1));
}

}  // namespace kidwiki::engine

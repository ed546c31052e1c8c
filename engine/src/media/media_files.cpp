#include "media/media_files.h"

#include <fcntl.h>
#include <sys/stat.h>
#include <sodium.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <fstream>
#include <iterator>

#include "disk/durable_writes.h"
#include "media/image_cleaning.h"
#include "store/database.h"

namespace kidwiki::engine {
namespace {

std::string sha256_hex(std::string_view bytes) {
  unsigned char digest[crypto_hash_sha256_BYTES];
  crypto_hash_sha256(digest, reinterpret_cast<const unsigned char*>(bytes.data()), bytes.size());
  char hex[crypto_hash_sha256_BYTES * 2 + 1];
  sodium_bin2hex(hex, sizeof hex, digest, sizeof digest);
  return hex;
}

[[noreturn]] void fail(const std::string& what, const std::filesystem::path& path, int error) {
  throw db::StorageError(0, what + " " + path.string() + ": " + std::strerror(error));
}

// Why a temporary name and a rename: readers of `path` (and a crash) see the whole file or none.
void write_atomically(const std::filesystem::path& path, std::string_view bytes) {
  std::error_code ec;
  std::filesystem::create_directories(path.parent_path(), ec);
  if (ec) fail("cannot create", path.parent_path(), ec.value());
  std::string temp_name = path.string() + ".tmp-XXXXXX";
  const int fd = ::mkstemp(temp_name.data());
  if (fd < 0) fail("cannot create", temp_name, errno);
  const std::filesystem::path temp = temp_name;
  try {
    disk::write_all(fd, bytes, temp);
    if (::fchmod(fd, 0644) != 0 || ::fsync(fd) != 0) fail("cannot sync", temp, errno);
    if (::close(fd) != 0) {
      const int error = errno;
      std::filesystem::remove(temp, ec);
      fail("cannot close", temp, error);
    }
  } catch (...) {
    ::close(fd);
    std::filesystem::remove(temp, ec);
    throw;
  }
  if (::rename(temp.c_str(), path.c_str()) != 0) {
    const int error = errno;
    std::filesystem::remove(temp, ec);
    fail("cannot rename", temp, error);
  }
  disk::sync_folder(path.parent_path());
}

std::filesystem::path sharded(const std::filesystem::path& root, const std::string& sha256,
                              const std::string& name) {
  return root / sha256.substr(0, 2) / name;
}

}  // namespace

std::string_view extension_of(std::string_view format) {
  if (format == "jpeg") return "jpg";
  return format;  // png, webp
}

std::string_view content_type_of(std::string_view format) {
  if (format == "jpeg") return "image/jpeg";
  if (format == "png") return "image/png";
  return "image/webp";
}

std::string MediaFiles::store(std::string_view bytes, std::string_view format) const {
  std::string sha256 = sha256_hex(bytes);
  const std::filesystem::path path = original(sha256, format);
  std::error_code ec;
  // Same name, same bytes: an earlier upload of this picture already made it durable.
  if (!std::filesystem::exists(path, ec)) write_atomically(path, bytes);
  return sha256;
}

std::filesystem::path MediaFiles::original(const std::string& sha256,
                                           std::string_view format) const {
  return sharded(dir_ / "originals", sha256, sha256 + "." + std::string(extension_of(format)));
}

Result<std::filesystem::path> MediaFiles::variant(const std::string& sha256,
                                                  std::string_view format, int width) const {
  const std::filesystem::path path =
      sharded(dir_ / "variants", sha256, sha256 + "-" + std::to_string(width) + ".webp");
  std::error_code ec;
  if (std::filesystem::exists(path, ec)) return path;
  std::ifstream in(original(sha256, format), std::ios::binary);
  if (!in) throw db::StorageError(0, "missing picture " + sha256);
  const std::string bytes{std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
  auto resized = media::make_variant(bytes, width);
  if (!resized) return resized.error();
  // Two readers asking at once both make it; the second rename replaces equal bytes.
  write_atomically(path, resized->bytes);
  return path;
}

}  // namespace kidwiki::engine

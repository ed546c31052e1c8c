#include "disk/durable_writes.h"

#include <fcntl.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>

#include "store/database.h"

namespace kidwiki::engine::disk {
namespace {

[[noreturn]] void fail(const std::string& what, const std::filesystem::path& path, int error) {
  throw db::StorageError(0, what + " " + path.string() + ": " + std::strerror(error));
}

}  // namespace

OwnedFd::~OwnedFd() {
  if (fd >= 0) ::close(fd);
}

void write_all(int fd, std::string_view bytes, const std::filesystem::path& path) {
  while (!bytes.empty()) {
    const ssize_t n = ::write(fd, bytes.data(), bytes.size());
    if (n < 0 && errno == EINTR) continue;
    if (n <= 0) fail("cannot write", path, n < 0 ? errno : ENOSPC);
    bytes.remove_prefix(static_cast<std::size_t>(n));
  }
}

void sync_and_close(int fd, const std::filesystem::path& path) {
  const int synced = ::fsync(fd);
  const int sync_error = errno;
  const int closed = ::close(fd);
  if (synced != 0) fail("cannot sync", path, sync_error);
  if (closed != 0) fail("cannot close", path, errno);
}

void sync_folder(const std::filesystem::path& folder) {
  const int fd = ::open(folder.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
  if (fd < 0) fail("cannot open", folder, errno);
  const int synced = ::fsync(fd);
  const int error = errno;
  ::close(fd);
  if (synced != 0) fail("cannot sync", folder, error);
}

int create_new(const std::filesystem::path& path) {
  const int fd = ::open(path.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0644);
  if (fd < 0) fail("cannot create", path, errno);
  return fd;
}

}  // namespace kidwiki::engine::disk

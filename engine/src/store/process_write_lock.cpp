#include "store/process_write_lock.h"

#include <fcntl.h>
#include <sys/file.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>

#include "store/database.h"

namespace kidwiki::engine::db {

ProcessWriteLock::ProcessWriteLock(const std::filesystem::path& file) {
  fd_ = ::open(file.c_str(), O_RDWR | O_CREAT | O_CLOEXEC, 0600);
  if (fd_ < 0) throw StorageError(0, "open " + file.string() + ": " + std::strerror(errno));
}

ProcessWriteLock::~ProcessWriteLock() { ::close(fd_); }

void ProcessWriteLock::lock() {
  if (depth_++ > 0) return;
  while (::flock(fd_, LOCK_EX) != 0) {
    if (errno != EINTR) throw StorageError(0, std::string("flock: ") + std::strerror(errno));
  }
}

void ProcessWriteLock::unlock() {
  if (--depth_ == 0) ::flock(fd_, LOCK_UN);
}

}  // namespace kidwiki::engine::db

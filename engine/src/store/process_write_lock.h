// One writer at a time across processes: `kidwiki serve` and `kidwiki import` (or `user create`)
// may write the same database at once, and SQLite 3.40 (Debian 12) has the WAL-reset race, which
// can corrupt the database when one connection commits while another starts a checkpoint
// (https://sqlite.org/wal.html#walresetbug). Every write of a writer connection, and so every
// checkpoint (SQLite runs them inside commits), holds an exclusive flock on a file beside the
// database, so the two never overlap, whichever processes they come from.
//
// Thread-safety: none; used under the writer connection's own mutex. Reentrant in one process.
#pragma once

#include <filesystem>

namespace kidwiki::engine::db {

class ProcessWriteLock {
 public:
  // Opens (creating) `file`; throws StorageError when it cannot.
  explicit ProcessWriteLock(const std::filesystem::path& file);
  ~ProcessWriteLock();
  ProcessWriteLock(const ProcessWriteLock&) = delete;
  ProcessWriteLock& operator=(const ProcessWriteLock&) = delete;

  void lock();  // waits for another process's write to end
  void unlock();

 private:
  int fd_ = -1;
  int depth_ = 0;
};

// Holds the lock for a scope; does nothing without a lock (reader connections).
class WriteLockGuard {
 public:
  explicit WriteLockGuard(ProcessWriteLock* lock) : lock_(lock) {
    if (lock_) lock_->lock();
  }
  ~WriteLockGuard() {
    if (lock_) lock_->unlock();
  }
  WriteLockGuard(const WriteLockGuard&) = delete;
  WriteLockGuard& operator=(const WriteLockGuard&) = delete;

 private:
  ProcessWriteLock* lock_;
};

}  // namespace kidwiki::engine::db

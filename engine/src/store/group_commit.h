// Group commit: saves that arrive together share one transaction, so one fsync makes them all
// durable. With synchronous=FULL the commit (the WAL's write and fsync, and now and then a
// checkpoint) took three quarters of the writer lock's time per save, which capped a class saving
// at once near 300 saves a second however many cores rendered (docs/performance.md).
//
// LevelDB's writer queue is the model: each writer waits in line; the one at the front becomes the
// leader, takes the writer lock, runs every write queued behind it in one transaction, commits once,
// and wakes the others. Each write runs inside its own savepoint, so one that fails (a constraint)
// is undone alone and reports its own error; when SQLite rolls the whole transaction back (a full
// disk), the others are written again without it. Nobody is told "saved" before the commit that
// makes it durable has returned. A write may therefore run twice: it must only write.
#pragma once

#include <condition_variable>
#include <deque>
#include <exception>
#include <functional>
#include <mutex>
#include <vector>

#include "store/database.h"

namespace kidwiki::engine {

class GroupCommit {
 public:
  // `writer_mutex` guards `writer`; the leader holds it while it writes and commits a group.
  GroupCommit(std::mutex& writer_mutex, db::Connection& writer)
      : writer_mutex_(writer_mutex), writer_(writer) {}

  // Runs `write` on the writer connection inside a transaction, perhaps shared with other
  // threads' writes, and returns once that transaction is committed. Rethrows what `write`
  // threw (its changes undone), or the commit's error (nothing of the group written).
  // Precondition: the calling thread does not hold the writer mutex.
  void run(const std::function<void()>& write);
  // How many writes wait in line or are being written (for tests).
  std::size_t queued();

 private:
  struct Entry {
    const std::function<void()>* write;
    std::exception_ptr error;
    bool done = false;
    std::condition_variable woken;
  };

  // Writes and commits the group at the front of the line, then tells each of its writers.
  // Precondition: `queue_lock` holds queue_mutex_, and the caller's entry is at the front.
  void lead(std::unique_lock<std::mutex>& queue_lock);
  // Precondition: the caller holds writer_mutex_ and not queue_mutex_.
  void write_group(std::vector<Entry*> group);
  // Runs one entry in its savepoint; false when the failure took the whole transaction with it.
  bool write_one(Entry& entry);

  static constexpr std::size_t kMaxGroup = 64;  // bounds the wait of the group's first writer

  std::mutex& writer_mutex_;
  db::Connection& writer_;
  std::mutex queue_mutex_;  // guards queue_ and each entry's done (its error is read once done)
  std::deque<Entry*> queue_;
};

}  // namespace kidwiki::engine

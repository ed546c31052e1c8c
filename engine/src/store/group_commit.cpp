#include "store/group_commit.h"

#include <algorithm>

namespace kidwiki::engine {

void GroupCommit::run(const std::function<void()>& write) {
  Entry mine;
  mine.write = &write;
  std::unique_lock queue_lock(queue_mutex_);
  queue_.push_back(&mine);
  mine.woken.wait(queue_lock, [&] { return mine.done || queue_.front() == &mine; });
  if (!mine.done) {
    // The front of the line leads. It takes the group once it holds the writer lock, so that
    // whoever queued while it waited for the lock joins this commit.
    queue_lock.unlock();
    std::unique_lock writer_lock(writer_mutex_);
    queue_lock.lock();
    const auto size = static_cast<std::ptrdiff_t>(std::min(queue_.size(), kMaxGroup));
    std::deque<Entry*> group(queue_.begin(), queue_.begin() + size);
    queue_lock.unlock();
    write_group(group);
    writer_lock.unlock();
    queue_lock.lock();
    for (Entry* e : group) {
      queue_.pop_front();  // the group is the front of the queue, in order
      e->done = true;
      if (e != &mine) e->woken.notify_one();
    }
    if (!queue_.empty()) queue_.front()->woken.notify_one();  // the next group's leader
  }
  if (mine.error) std::rethrow_exception(mine.error);
}

std::size_t GroupCommit::queued() {
  std::lock_guard lock(queue_mutex_);
  return queue_.size();
}

void GroupCommit::write_group(std::deque<Entry*>& group) {
  std::size_t start = 0;
  while (start < group.size()) {
    std::size_t end = start;
    try {
      db::Transaction tx(writer_);
      while (end < group.size() && write_one(*group[end++])) {
      }
      // Throws when SQLite rolled the whole transaction back after a write failed (SQLITE_FULL,
      // an I/O error): the writes before that one are gone with it.
      tx.commit();
    } catch (...) {
      if (end == start) ++end;  // BEGIN failed: this write fails, the next ones try again
      for (std::size_t i = start; i < end; ++i) {
        if (!group[i]->error) group[i]->error = std::current_exception();
      }
    }
    start = end;
  }
}

bool GroupCommit::write_one(Entry& entry) {
  writer_.exec("SAVEPOINT group_write");
  try {
    (*entry.write)();
    writer_.exec("RELEASE group_write");
    return true;
  } catch (...) {
    entry.error = std::current_exception();
  }
  if (!writer_.in_transaction()) return false;  // nothing left to roll back to
  writer_.exec("ROLLBACK TO group_write");
  writer_.exec("RELEASE group_write");
  return true;
}

}  // namespace kidwiki::engine

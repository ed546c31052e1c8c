#include "store/group_commit.h"

#include <algorithm>

namespace kidwiki::engine {

void GroupCommit::run(const std::function<void()>& write) {
  Entry mine;
  mine.write = &write;
  std::unique_lock queue_lock(queue_mutex_);
  queue_.push_back(&mine);
  mine.woken.wait(queue_lock, [&] { return mine.done || queue_.front() == &mine; });
  if (!mine.done) lead(queue_lock);
  if (mine.error) std::rethrow_exception(mine.error);
}

void GroupCommit::lead(std::unique_lock<std::mutex>& queue_lock) {
  queue_lock.unlock();
  std::size_t size = 1;  // the leader, at the front, whatever happens
  std::exception_ptr failure;
  try {
    // The group is taken once the writer lock is held, so that whoever queued while the leader
    // waited for it joins this commit.
    std::unique_lock writer_lock(writer_mutex_);
    std::vector<Entry*> group;
    queue_lock.lock();
    size = std::min(queue_.size(), kMaxGroup);
    group.assign(queue_.begin(), queue_.begin() + static_cast<std::ptrdiff_t>(size));
    queue_lock.unlock();
    write_group(group);
  } catch (...) {
    // A bug or no memory: whoever was not told otherwise hears of it, and the line moves on
    // instead of waiting forever behind a leader that is gone.
    if (queue_lock.owns_lock()) queue_lock.unlock();
    failure = std::current_exception();
  }
  queue_lock.lock();
  for (std::size_t i = 0; i < size; ++i) {
    Entry* e = queue_.front();  // the group is the front of the queue, in order
    queue_.pop_front();
    if (failure && !e->error) e->error = failure;
    e->done = true;
    e->woken.notify_one();
  }
  if (!queue_.empty()) queue_.front()->woken.notify_one();  // the next group's leader
}

std::size_t GroupCommit::queued() {
  std::lock_guard lock(queue_mutex_);
  return queue_.size();
}

void GroupCommit::write_group(std::vector<Entry*> writes) {
  while (!writes.empty()) {
    try {
      db::Transaction tx(writer_);
      bool lost = false;
      for (std::size_t i = 0; i < writes.size() && !lost; ++i) lost = !write_one(*writes[i]);
      if (!lost) {
        tx.commit();
        return;
      }
    } catch (...) {
      // BEGIN or COMMIT failed: nothing of the transaction is written, and a database that
      // cannot begin or commit now would not for the next writes either.
      for (Entry* e : writes) {
        if (!e->error) e->error = std::current_exception();
      }
      return;
    }
    // A write failed and SQLite rolled the whole transaction back with it (SQLITE_FULL, an I/O
    // error): the writes undone with it are written again without it, so one pupil's text too
    // large for the disk does not fail the others' saves.
    std::erase_if(writes, [](const Entry* e) { return e->error != nullptr; });
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

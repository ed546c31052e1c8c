// The thread that keeps the index up to date: it drains the outbox, then sleeps until the next
// poll, until it is destroyed.
#pragma once

#include <chrono>
#include <condition_variable>
#include <functional>
#include <mutex>
#include <thread>

namespace kidwiki::search {

class OutboxDrainer {
 public:
  // `drain_once` applies what is queued and returns how many entries it applied (0 when the
  // outbox was empty or the index failed: both wait one poll before the next try).
  OutboxDrainer(std::function<std::size_t()> drain_once, std::chrono::milliseconds poll);
  // Stops the thread, waiting for the batch in progress.
  ~OutboxDrainer();

 private:
  void run(std::stop_token stop);

  std::function<std::size_t()> drain_once_;
  std::chrono::milliseconds poll_;
  std::mutex mutex_;
  std::condition_variable_any wake_;
  std::jthread thread_;  // last: starts once the members it uses exist
};

}  // namespace kidwiki::search

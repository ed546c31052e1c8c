#include "outbox_drainer.h"

namespace kidwiki::search {

OutboxDrainer::OutboxDrainer(std::function<std::size_t()> drain_once,
                             std::chrono::milliseconds poll)
    : drain_once_(std::move(drain_once)),
      poll_(poll),
      thread_([this](std::stop_token stop) { run(stop); }) {}

OutboxDrainer::~OutboxDrainer() {
  thread_.request_stop();
  thread_.join();
}

void OutboxDrainer::run(std::stop_token stop) {
  while (!stop.stop_requested()) {
    if (drain_once_() > 0) continue;
    std::unique_lock lock(mutex_);
    wake_.wait_for(lock, stop, poll_, [] { return false; });
  }
}

}  // namespace kidwiki::search

#include "http/shared_window.h"

namespace kidwiki::web {
namespace {

// Pruning every so many events keeps memory bounded by recent keys.
constexpr std::size_t kPruneEvery = 256;

}  // namespace

std::chrono::seconds SharedWindow::try_take(const std::string& key) {
  const auto now = std::chrono::steady_clock::now();
  std::lock_guard lock(mutex_);
  if (++since_prune_ >= kPruneEvery) {
    window_.prune(now);
    since_prune_ = 0;
  }
  const auto wait = window_.wait(key, now);
  if (wait.count() == 0) window_.add(key, now);
  return wait;
}

}  // namespace kidwiki::web

#include "api_moderation_report_limit.h"

namespace kidwiki::web {
namespace {

// Pruning every so many reports keeps memory bounded by recent reporters.
constexpr std::size_t kPruneEvery = 256;

}  // namespace

std::chrono::seconds ReportRateLimit::try_report(const std::string& key) {
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

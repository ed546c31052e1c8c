#include "http/edit_rate_limit.h"

#include <algorithm>

namespace kidwiki::web {
namespace {

constexpr std::size_t kPruneEvery = 512;

}  // namespace

EditRateLimit::EditRateLimit(EditLimits limits, Clock clock)
    : clock_(std::move(clock)),
      pupils_(limits.pupil_saves, std::chrono::minutes(1)),
      staff_(limits.staff_saves, std::chrono::minutes(1)),
      classes_(limits.class_saves, std::chrono::minutes(10)),
      readers_(limits.reader_saves, std::chrono::minutes(10)) {}

KeyedWindow& EditRateLimit::window_for(EditCounter::Kind kind) {
  switch (kind) {
    case EditCounter::Kind::pupil: return pupils_;
    case EditCounter::Kind::staff: return staff_;
    case EditCounter::Kind::reader: return readers_;
  }
  return readers_;
}

std::chrono::seconds EditRateLimit::wait(const EditCounter& who, KeyedWindow::TimePoint now) {
  auto longest = window_for(who.kind).wait(who.key, now);
  if (who.class_id) longest = std::max(longest, classes_.wait(std::to_string(*who.class_id), now));
  return longest;
}

std::chrono::seconds EditRateLimit::try_save(const EditCounter& who) {
  const auto now = clock_();
  std::lock_guard lock(mutex_);
  if (auto waiting = wait(who, now); waiting.count() > 0) return waiting;
  window_for(who.kind).add(who.key, now);
  if (who.class_id) classes_.add(std::to_string(*who.class_id), now);
  if (++since_prune_ >= kPruneEvery) {
    since_prune_ = 0;
    for (KeyedWindow* window : {&pupils_, &staff_, &classes_, &readers_}) window->prune(now);
  }
  return std::chrono::seconds(0);
}

}  // namespace kidwiki::web

#include "edit_rate_limit.h"

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

std::chrono::seconds EditRateLimit::wait(const EditCounter& who, KeyedWindow::TimePoint now) const {
  using Kind = EditCounter::Kind;
  const KeyedWindow& own = who.kind == Kind::pupil ? pupils_ : who.kind == Kind::staff ? staff_ : readers_;
  auto longest = own.wait(who.key, now);
  if (who.class_id) longest = std::max(longest, classes_.wait(std::to_string(*who.class_id), now));
  return longest;
}

std::chrono::seconds EditRateLimit::try_save(const EditCounter& who) {
  using Kind = EditCounter::Kind;
  const auto now = clock_();
  std::lock_guard lock(mutex_);
  if (auto waiting = wait(who, now); waiting.count() > 0) return waiting;
  KeyedWindow& own = who.kind == Kind::pupil ? pupils_ : who.kind == Kind::staff ? staff_ : readers_;
  own.add(who.key, now);
  if (who.class_id) classes_.add(std::to_string(*who.class_id), now);
  if (++since_prune_ >= kPruneEvery) {
    since_prune_ = 0;
    for (KeyedWindow* window : {&pupils_, &staff_, &classes_, &readers_}) window->prune(now);
  }
  return std::chrono::seconds(0);
}

}  // namespace kidwiki::web

#include "render/render_gate.h"

#include <algorithm>
#include <thread>

namespace kidwiki::engine {
namespace {

std::size_t slots_for(int configured) {
  if (configured > 0) return static_cast<std::size_t>(configured);
  return std::max(1u, std::thread::hardware_concurrency());
}

Error busy(std::chrono::milliseconds longest_wait) {
  const auto seconds = std::max<std::int64_t>(
      1, std::chrono::duration_cast<std::chrono::seconds>(longest_wait).count());
  return make_error(ErrorCode::busy, "error-render-busy", {{"seconds", seconds}});
}

}  // namespace

RenderGate::Pass::~Pass() {
  if (gate_ != nullptr) gate_->leave();
}

RenderGate::RenderGate(const RenderQueueLimits& limits)
    : slots_(slots_for(limits.concurrent_renders)), limits_(limits) {}

Result<RenderGate::Pass> RenderGate::enter(RenderPriority priority) {
  const bool save = priority == RenderPriority::save;
  std::unique_lock lock(mutex_);
  std::size_t& waiting = save ? waiting_saves_ : waiting_previews_;
  const std::size_t line = save ? limits_.waiting_saves : limits_.waiting_previews;
  const auto longest = save ? limits_.save_wait : limits_.preview_wait;
  // A save only needs a free slot; a preview also lets every waiting save go first.
  auto may_run = [&] { return running_ < slots_ && (save || waiting_saves_ == 0); };
  if (!may_run()) {
    if (waiting >= line) return busy(longest);
    ++waiting;
    const bool got = freed_.wait_for(lock, longest, may_run);
    --waiting;
    if (!got) {
      freed_.notify_all();  // a preview may have waited for this save to leave the line
      return busy(longest);
    }
  }
  ++running_;
  return Pass(this);
}

void RenderGate::leave() {
  {
    std::lock_guard lock(mutex_);
    --running_;
  }
  freed_.notify_all();
}

std::size_t RenderGate::running() const {
  std::lock_guard lock(mutex_);
  return running_;
}

std::size_t RenderGate::waiting() const {
  std::lock_guard lock(mutex_);
  return waiting_saves_ + waiting_previews_;
}

}  // namespace kidwiki::engine

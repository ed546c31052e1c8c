// How many render workers run at once, and who waits for one. Rendering user text is the
// costliest thing the wiki does (a worker process, up to two seconds of CPU): without a cap, a
// crowd of previews would leave saves waiting behind them and the machine's cores shared so thin
// that nothing finishes. With one worker per core, a render's CPU time is close to its wall time,
// so the CPU bound (SandboxLimits) gives the same answer on a busy and on a quiet machine.
//
// Saves come first: a free slot goes to a waiting save before any waiting preview. Each kind has
// a short queue and a longest wait; beyond either the answer is `busy` (503 with Retry-After),
// never a refusal of the text itself.
//
// Thread-safety: enter() may be called from many threads; a Pass is released by its destructor.
#pragma once

#include <chrono>
#include <condition_variable>
#include <cstddef>
#include <mutex>

#include "engine/render.h"
#include "engine/result.h"

namespace kidwiki::engine {

class RenderGate {
 public:
  class Pass {
   public:
    explicit Pass(RenderGate* gate) : gate_(gate) {}
    Pass(Pass&& other) noexcept : gate_(other.gate_) { other.gate_ = nullptr; }
    Pass& operator=(Pass&&) = delete;
    Pass(const Pass&) = delete;
    ~Pass();

   private:
    RenderGate* gate_;
  };

  explicit RenderGate(const RenderQueueLimits& limits);

  // A pass to run one render now, after waiting in line if need be; busy when the line is full or
  // the wait too long.
  Result<Pass> enter(RenderPriority priority);

  // How many renders run at once.
  std::size_t slots() const { return slots_; }
  // For tests and logs.
  std::size_t running() const;
  std::size_t waiting() const;

 private:
  void leave();

  const std::size_t slots_;
  const RenderQueueLimits limits_;
  mutable std::mutex mutex_;
  std::condition_variable freed_;
  std::size_t running_ = 0;
  std::size_t waiting_saves_ = 0;
  std::size_t waiting_previews_ = 0;
};

}  // namespace kidwiki::engine

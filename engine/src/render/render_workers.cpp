// Render workers kept alive between renders: starting the whole kidwiki program for each render
// cost 26 to 32 ms, more than rendering a typical article. A worker is recycled after
// kRequestsPerWorker renders, so that whatever a long life leaves in its heap goes with it, and
// replaced whenever it ends, misbehaves or runs out of time.
//
// How a render is judged: an answer is the answer. A worker that ends before a whole answer was
// killed by its CPU or memory bound, or crashed on the text: "too complex". A worker still busy
// at the wall-clock deadline is starved, not beaten by the text: "busy", try again.
#include <mutex>
#include <vector>

#include "engine/render.h"
#include "render/render_protocol.h"
#include "render/worker_process.h"

namespace kidwiki::engine {
namespace {

constexpr int kRequestsPerWorker = 500;

Error too_complex() { return make_error(ErrorCode::unprocessable, "error-too-complex"); }
Error render_failed() { return make_error(ErrorCode::storage, "error-render-failed"); }
Error starved() {
  return make_error(ErrorCode::busy, "error-render-failed", {{"seconds", std::int64_t{5}}});
}

}  // namespace

struct RenderWorkers::Impl {
  SandboxLimits limits;
  std::size_t keep_idle;
  std::mutex mutex;  // guards idle
  std::vector<std::unique_ptr<WorkerProcess>> idle;

  // An idle worker that still runs, or a new one (null when none can be started).
  std::unique_ptr<WorkerProcess> take(bool& reused) {
    {
      std::lock_guard lock(mutex);
      while (!idle.empty()) {
        std::unique_ptr<WorkerProcess> worker = std::move(idle.back());
        idle.pop_back();
        if (worker->alive()) {
          reused = true;
          return worker;
        }
      }
    }
    reused = false;
    return WorkerProcess::spawn(limits, kRequestsPerWorker);
  }

  void give_back(std::unique_ptr<WorkerProcess> worker) {
    if (worker->requests_served() >= kRequestsPerWorker) return;
    std::lock_guard lock(mutex);
    if (idle.size() < keep_idle) idle.push_back(std::move(worker));
  }

  // One attempt on one worker; `retry` when a reused worker turned out to have died while idle
  // (nothing of this request's doing).
  Result<RenderResult> attempt(const std::string& request, bool& retry) {
    const auto deadline =
        WorkerProcess::Clock::now() + std::chrono::milliseconds(limits.wall_milliseconds);
    bool reused = false;
    std::unique_ptr<WorkerProcess> worker = take(reused);
    if (!worker) return render_failed();
    std::string answer;
    switch (worker->exchange(request, answer, deadline)) {
      case WorkerProcess::Exchange::answered:
        break;
      case WorkerProcess::Exchange::failed:
        return render_failed();
      case WorkerProcess::Exchange::timed_out:
        return starved();
      case WorkerProcess::Exchange::too_large:
        return too_complex();
      case WorkerProcess::Exchange::ended:
        if (worker->wait_exit(deadline) == WorkerProcess::Exit::running) return starved();
        retry = reused && answer.empty() && worker->requests_served() == 1;
        return too_complex();
    }
    std::optional<Result<RenderResult>> decoded = decode_answer(answer);
    if (!decoded) return too_complex();
    give_back(std::move(worker));
    return std::move(*decoded);
  }
};

RenderWorkers::RenderWorkers(SandboxLimits limits, std::size_t keep_idle)
    : impl_(std::make_unique<Impl>()) {
  impl_->limits = std::move(limits);
  impl_->keep_idle = keep_idle;
}

RenderWorkers::~RenderWorkers() = default;

Result<RenderResult> RenderWorkers::render(std::string_view markdown,
                                           const RenderContext& context) {
  const std::string request = encode_request(markdown, context, impl_->limits.cpu_seconds);
  bool retry = false;
  Result<RenderResult> result = impl_->attempt(request, retry);
  if (retry) result = impl_->attempt(request, retry);
  return result;
}

Result<RenderResult> render_sandboxed(std::string_view markdown, const RenderContext& context,
                                      const SandboxLimits& limits) {
  return RenderWorkers(limits, 0).render(markdown, context);
}

}  // namespace kidwiki::engine

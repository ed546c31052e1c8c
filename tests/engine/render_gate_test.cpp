// The render gate: a cap on workers running at once, saves served before previews, and a clear
// "busy" beyond the line, never a refusal of the text. No test here measures a duration: each
// waits for the state it needs (a thread in line) before acting.
#include <doctest/doctest.h>

#include <atomic>
#include <optional>
#include <thread>
#include <vector>

#include "render/render_gate.h"

namespace kidwiki::engine {
namespace {

using namespace std::chrono_literals;

RenderQueueLimits one_slot(std::size_t saves = 4, std::size_t previews = 4) {
  RenderQueueLimits limits;
  limits.concurrent_renders = 1;
  limits.waiting_saves = saves;
  limits.waiting_previews = previews;
  limits.save_wait = 60s;  // only a bug would wait this long: the test's timeout catches it
  limits.preview_wait = 60s;
  return limits;
}

void wait_until_waiting(const RenderGate& gate, std::size_t count) {
  while (gate.waiting() != count) std::this_thread::yield();
}

TEST_CASE("render gate: no more renders run at once than its slots" * doctest::timeout(60)) {
  RenderGate gate(one_slot());
  auto first = gate.enter(RenderPriority::save);
  REQUIRE(first.ok());
  CHECK(gate.running() == 1);
  std::atomic<bool> second_ran{false};
  std::thread second([&] {
    auto pass = gate.enter(RenderPriority::save);
    CHECK(pass.ok());
    second_ran = true;
  });
  wait_until_waiting(gate, 1);
  CHECK_FALSE(second_ran);
  { auto done = std::move(first.value()); }  // the first render ends
  second.join();
  CHECK(second_ran);
  CHECK(gate.running() == 0);
}

TEST_CASE("render gate: a waiting save goes before a waiting preview" * doctest::timeout(60)) {
  RenderGate gate(one_slot());
  std::optional<RenderGate::Pass> running;
  running.emplace(std::move(gate.enter(RenderPriority::preview).value()));
  std::vector<RenderPriority> order;
  std::mutex order_mutex;
  auto render = [&](RenderPriority priority) {
    auto pass = gate.enter(priority);
    REQUIRE(pass.ok());
    std::lock_guard lock(order_mutex);
    order.push_back(priority);
  };
  std::thread preview(render, RenderPriority::preview);
  wait_until_waiting(gate, 1);  // the preview is in line first
  std::thread save(render, RenderPriority::save);
  wait_until_waiting(gate, 2);
  running.reset();
  save.join();
  preview.join();
  REQUIRE(order.size() == 2);
  CHECK(order[0] == RenderPriority::save);
  CHECK(order[1] == RenderPriority::preview);
}

TEST_CASE("render gate: beyond the line the answer is busy, with a wait" * doctest::timeout(60)) {
  struct Row {
    const char* name;
    RenderPriority priority;
  };
  for (const Row row : {Row{"save", RenderPriority::save}, Row{"preview", RenderPriority::preview}}) {
    INFO(row.name);
    RenderGate gate(one_slot(0, 0));  // no line at all
    auto first = gate.enter(RenderPriority::save);
    REQUIRE(first.ok());
    auto refused = gate.enter(row.priority);
    REQUIRE_FALSE(refused.ok());
    CHECK(refused.error().code == ErrorCode::busy);
    CHECK(refused.error().message_id == "error-render-busy");
    REQUIRE(refused.error().args.size() == 1);
    CHECK(refused.error().args[0].first == "seconds");
  }
}

TEST_CASE("render gate: a wait past its longest is busy, and leaves the line" * doctest::timeout(60)) {
  RenderQueueLimits limits = one_slot();
  limits.preview_wait = 10ms;
  RenderGate gate(limits);
  auto first = gate.enter(RenderPriority::save);
  REQUIRE(first.ok());
  auto late = gate.enter(RenderPriority::preview);
  REQUIRE_FALSE(late.ok());
  CHECK(late.error().code == ErrorCode::busy);
  CHECK(gate.waiting() == 0);
  CHECK(gate.running() == 1);
}

}  // namespace
}  // namespace kidwiki::engine

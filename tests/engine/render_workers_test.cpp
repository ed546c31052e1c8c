// RenderWorkers: long-lived workers give the answers a one-off render gives, are reused rather
// than started for each render, get a fresh CPU budget for each request, and are replaced when
// they die, whether the text killed them or something else did while they were idle.
#include <doctest/doctest.h>
#include <signal.h>
#include <unistd.h>

#include <atomic>
#include <string>
#include <thread>
#include <vector>

#include "engine/render.h"
#include "process_census.h"
#include "render/render_protocol.h"

namespace kidwiki::engine {
namespace {

RenderContext french() { return {"fr", NamespaceNames{"Discussion", "Catégorie"}, {"en", "fr"}}; }

SandboxLimits limits(int cpu_seconds = 2) {
  return SandboxLimits{{"/proc/self/exe", "render-worker"}, cpu_seconds, 1024L * 1024 * 1024, 60000};
}

std::string repeated(std::string_view piece, int times) {
  std::string out;
  for (int i = 0; i < times; ++i) out += piece;
  return out;
}

const char* const kTexts[] = {
    "",
    "#REDIRECTION [[Lion]]\n# Les lions\n## Où vivent-ils ?\n\nLe [[lion]] est un *félin*.\n\n"
    "[[Catégorie:Félins]]\n[[en:Lion]]",
    "![image](/media/a.png) [site](https://example.org) <b>brut</b> `code` \"guillemets\"",
};

TEST_CASE("render workers: one worker serves render after render, with the in-process answers" *
          doctest::timeout(120)) {
  {
    RenderWorkers workers(limits(), 1);
    for (int i = 0; i < 30; ++i) {
      const char* text = kTexts[i % 3];
      CAPTURE(text);
      Result<RenderResult> pooled = workers.render(text, french());
      Result<RenderResult> in_process = render_markdown(text, french());
      CAPTURE(i);
      CAPTURE((pooled.ok() ? std::string() : pooled.error().message_id));
      REQUIRE(pooled.ok());
      check_same(in_process.value(), pooled.value());
    }
    CHECK(child_processes() == 1);
  }
  CHECK(child_processes() == 0);  // the idle worker ends with the pool
}

TEST_CASE("render workers: a text that exceeds the CPU bound costs only its own worker" *
          doctest::timeout(150)) {
  RenderWorkers workers(limits(1), 1);
  REQUIRE(workers.render("avant", french()).ok());
  Result<RenderResult> hostile = workers.render(repeated("![[]()", 40000), french());
  REQUIRE_FALSE(hostile.ok());
  CHECK(hostile.error().code == ErrorCode::unprocessable);
  CHECK(hostile.error().message_id == "error-too-complex");
  Result<RenderResult> after = workers.render("Un [[lion]].", french());
  REQUIRE(after.ok());
  CHECK(after->links.size() == 1);
  CHECK(child_processes() == 1);
}

// A worker lives through many renders: its CPU time adds up past the bound of one render, and
// each request must still get the whole budget. The text takes tens of milliseconds; 1 s of
// budget a request; 60 renders add up to well over a second.
TEST_CASE("render workers: every request gets the whole CPU budget, however old the worker" *
          doctest::timeout(300)) {
  RenderWorkers workers(limits(1), 1);
  const std::string text = repeated("Le [[lion]] et le *tigre* sont des [[félins]].\n\n", 4000);
  for (int i = 0; i < 60; ++i) {
    CAPTURE(i);
    REQUIRE(workers.render(text, french()).ok());
  }
  CHECK(child_processes() == 1);
}

TEST_CASE("render workers: an idle worker killed from outside is replaced without a refusal" *
          doctest::timeout(60)) {
  RenderWorkers workers(limits(), 1);
  REQUIRE(workers.render("un", french()).ok());
  for (pid_t pid : child_pids()) kill(pid, SIGKILL);
  usleep(100'000);
  Result<RenderResult> after = workers.render("deux", french());
  REQUIRE(after.ok());
  CHECK(after->plain_text.find("deux") != std::string::npos);
}

TEST_CASE("render workers: many threads at once, each with a worker of its own" *
          doctest::timeout(120)) {
  RenderWorkers workers(limits(), 2);
  std::vector<std::thread> threads;
  std::atomic<int> wrong{0};
  for (int t = 0; t < 4; ++t) {
    threads.emplace_back([&, t] {
      for (int i = 0; i < 10; ++i) {
        const std::string text = "Page " + std::to_string(t) + "-" + std::to_string(i);
        Result<RenderResult> r = workers.render(text, french());
        if (!r.ok() || r->plain_text.find(text) == std::string::npos) ++wrong;
      }
    });
  }
  for (std::thread& thread : threads) thread.join();
  CHECK(wrong.load() == 0);
  CHECK(child_processes() <= 2);
}

TEST_CASE("render worker: requests follow one another on the same pipes until the input ends") {
  int to_worker[2], from_worker[2];
  REQUIRE(pipe(to_worker) == 0);
  REQUIRE(pipe(from_worker) == 0);
  const std::string requests = encode_request("un", french()) + encode_request("deux", french());
  REQUIRE(write(to_worker[1], requests.data(), requests.size()) ==
          static_cast<ssize_t>(requests.size()));
  close(to_worker[1]);
  CHECK(run_render_worker(to_worker[0], from_worker[1]) == 0);  // a clean end between requests
  close(to_worker[0]);
  close(from_worker[1]);
  std::string answers;
  char buffer[4096];
  for (ssize_t n; (n = read(from_worker[0], buffer, sizeof buffer)) > 0;) answers.append(buffer, n);
  close(from_worker[0]);
  MessageSize first = message_size(answers, kAnswerParts, 1 << 20);
  REQUIRE(first.state == MessageSize::complete);
  auto one = decode_answer(std::string_view(answers).substr(0, first.bytes));
  auto two = decode_answer(std::string_view(answers).substr(first.bytes));
  REQUIRE(one);
  REQUIRE(two);
  CHECK(one->value().plain_text.find("un") != std::string::npos);
  CHECK(two->value().plain_text.find("deux") != std::string::npos);
}

TEST_CASE("render protocol: a message is whole only when every part has arrived") {
  const std::string message = encode_request("Le **chat**", french());
  for (std::size_t cut = 0; cut < message.size(); ++cut) {
    CAPTURE(cut);
    CHECK(message_size(std::string_view(message).substr(0, cut), kRequestParts, 1 << 20).state ==
          MessageSize::incomplete);
  }
  MessageSize whole = message_size(message, kRequestParts, 1 << 20);
  CHECK(whole.state == MessageSize::complete);
  CHECK(whole.bytes == message.size());
  CHECK(message_size(message, kRequestParts, 16).state == MessageSize::too_large);
  CHECK_FALSE(decode_request(message + "x"));
  CHECK_FALSE(decode_request(message.substr(0, message.size() - 1)));
  auto decoded = decode_request(message);
  REQUIRE(decoded);
  CHECK(decoded->markdown == "Le **chat**");
  CHECK(decoded->context.lang == "fr");
}

}  // namespace
}  // namespace kidwiki::engine

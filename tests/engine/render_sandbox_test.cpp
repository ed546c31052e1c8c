// render_sandboxed: the same answers as render_markdown, bounded time for hostile input, and no
// process or descriptor left behind whatever the worker does.
#include <doctest/doctest.h>
#include <unistd.h>

#include <string>
#include <vector>

#include "engine/render.h"
#include "process_census.h"

namespace kidwiki::engine {
namespace {

RenderContext french() { return {"fr", NamespaceNames{"Discussion", "Catégorie"}, {"en", "fr"}}; }

SandboxLimits worker_limits(int wall_milliseconds = 5000) {
  return SandboxLimits{
      {"/proc/self/exe", "render-worker"}, 2, 1024L * 1024 * 1024, wall_milliseconds};
}

std::string repeated(std::string_view piece, int times) {
  std::string out;
  for (int i = 0; i < times; ++i) out += piece;
  return out;
}

TEST_CASE("render sandbox: a normal text renders as it does in process") {
  const char* const texts[] = {
      "",
      "#REDIRECTION [[Lion]]\n# Les lions\n## Où vivent-ils ?\n## Que mangent-ils ?\n\n"
      "Le [[lion]] est un *félin* d'[[Afrique#Savane|Afrique]].\n\n- un\n- deux\n\n"
      "[[Catégorie:Félins]]\n[[en:Lion]]",
      "![image](/media/a.png) [site](https://example.org) <b>brut</b> `code`",
  };
  for (const char* text : texts) {
    CAPTURE(text);
    Result<RenderResult> in_process = render_markdown(text, french());
    Result<RenderResult> sandboxed = render_sandboxed(text, french(), worker_limits());
    REQUIRE(in_process.ok());
    REQUIRE(sandboxed.ok());
    check_same(in_process.value(), sandboxed.value());
  }
}

TEST_CASE("render sandbox: the caller's table of contents title reaches the worker") {
  RenderContext context = french();
  context.toc_title = "Titre donné";
  Result<RenderResult> result = render_sandboxed("# A\n# B\n# C", context, worker_limits());
  REQUIRE(result.ok());
  CHECK(result->html.find("<p class=\"toc-title\">Titre donné</p>") != std::string::npos);
}

TEST_CASE("render sandbox: a refusal inside the worker comes back as is") {
  Result<RenderResult> result = render_sandboxed(repeated("> ", 40), french(), worker_limits());
  REQUIRE_FALSE(result.ok());
  CHECK(result.error().code == ErrorCode::unprocessable);
  CHECK(result.error().message_id == "error-markdown-too-deep");
  REQUIRE(result.error().args.size() == 1);
  CHECK(result.error().args[0].first == "max");
}

struct HostileCase {
  const char* name;
  std::string markdown;
};

// cmark 0.30 takes quadratic time on the first, which the CPU limit must stop from outside (left to
// run, it would finish and succeed: the refusal is the limit at work); the second is refused for
// its depth. The wall-clock deadline is a minute, so that only the CPU limit can refuse the text,
// however busy the machine: the same text gets the same answer. The timeout only catches a hang.
TEST_CASE("render sandbox: pathological input is refused by the limits" * doctest::timeout(150)) {
  const HostileCase cases[] = {
      {"image brackets", repeated("![[]()", 40000)},
      // ("- " alone would be a thematic break: the text makes it 20000 nested lists.)
      {"deep list", repeated("- ", 20000) + "x" + repeated("\n", 100)},
  };
  for (const HostileCase& row : cases) {
    INFO(row.name);
    SandboxLimits limits{{"/proc/self/exe", "render-worker"}, 1, 1024L * 1024 * 1024, 60000};
    Result<RenderResult> result = render_sandboxed(row.markdown, french(), limits);
    REQUIRE_FALSE(result.ok());
    CHECK(result.error().code == ErrorCode::unprocessable);
  }
}

struct WorkerCase {
  const char* name;
  std::vector<std::string> argv;
  std::string markdown;
  ErrorCode code;
  const char* message_id;
};

// The timeout only catches a hang: a worker that never answers must not block the parent past its
// deadline (1 s here).
TEST_CASE("render sandbox: a failing worker gives an error, not a crash" * doctest::timeout(60)) {
  const std::string big(2 << 20, 'a');
  const WorkerCase cases[] = {
      {"missing program",
       {"/nonexistent/kidwiki-worker"},
       "x",
       ErrorCode::storage,
       "error-render-failed"},
      {"empty command", {}, "x", ErrorCode::storage, "error-render-failed"},
      {"garbage answer",
       {"/bin/echo", "{not json"},
       "x",
       ErrorCode::unprocessable,
       "error-too-complex"},
      {"wrong JSON answer",
       {"/bin/echo", "{\"html\": 3}"},
       "x",
       ErrorCode::unprocessable,
       "error-too-complex"},
      {"failure status", {"/bin/false"}, "x", ErrorCode::unprocessable, "error-too-complex"},
      {"killed by a signal",
       {"/bin/sh", "-c", "kill -9 $$"},
       "x",
       ErrorCode::unprocessable,
       "error-too-complex"},
      // Exits without reading: the parent's writes fail with EPIPE, and SIGPIPE must not kill it.
      {"stops reading", {"/bin/true"}, big, ErrorCode::unprocessable, "error-too-complex"},
      // Never reads, never answers: full pipes must not deadlock the parent past the deadline.
      // A worker that makes no progress is not the text's fault: busy, not too complex.
      {"hangs", {"/bin/sleep", "30"}, big, ErrorCode::busy, "error-render-failed"},
      {"closes stdout then hangs",
       {"/bin/sh", "-c", "exec >&-; sleep 30"},
       "x",
       ErrorCode::busy,
       "error-render-failed"},
  };
  for (const WorkerCase& row : cases) {
    INFO(row.name);
    SandboxLimits limits{row.argv, 2, 1024L * 1024 * 1024, 1000};
    Result<RenderResult> result = render_sandboxed(row.markdown, french(), limits);
    REQUIRE_FALSE(result.ok());
    CHECK(result.error().code == row.code);
    CHECK(result.error().message_id == row.message_id);
  }
}

TEST_CASE("render sandbox: the worker refuses a malformed request") {
  int to_worker[2], from_worker[2];
  REQUIRE(pipe(to_worker) == 0);
  REQUIRE(pipe(from_worker) == 0);
  // Eight bytes of a length that announces far more than any request: garbage, not a request.
  REQUIRE(write(to_worker[1], "{\"markdown\": 1}", 15) == 15);
  close(to_worker[1]);
  CHECK(run_render_worker(to_worker[0], from_worker[1]) != 0);
  close(to_worker[0]);
  close(from_worker[0]);
  close(from_worker[1]);
}

TEST_CASE("render sandbox: many renders leave no process or descriptor behind" *
          doctest::timeout(60)) {
  int descriptors = open_descriptors();
  for (int i = 0; i < 30; ++i) {
    CAPTURE(i);
    const char* text = i % 3 == 0 ? "Un [[lion]]." : i % 3 == 1 ? "> > > x" : "#REDIRECT [[A]]";
    CHECK(render_sandboxed(text, french(), worker_limits()).ok());
  }
  Result<RenderResult> timed_out =
      render_sandboxed("x", french(), SandboxLimits{{"/bin/sleep", "30"}, 2, 1L << 30, 100});
  CHECK_FALSE(timed_out.ok());
  CHECK(child_processes() == 0);
  CHECK(open_descriptors() == descriptors);
}

}  // namespace
}  // namespace kidwiki::engine

// Markdown to safe HTML: a pure function of the text and the edition.
//
// CommonMark and GitHub's pipe tables, ~~strikethrough~~ and task lists (- [ ] / - [x]) through
// cmark-gfm in its safe mode, then wiki extensions applied on its tree:
//   [[Title]], [[Title|label]], [[Title#Section]], [[#Section]]  links between pages
//   [[:Category:Name]]                                          a link to a category page
//   [[Category:Name]] / [[Catégorie:Name]]                      the page joins a category
//   [[en:Title]]                                                an interlanguage link
//   #REDIRECT [[Title]] as the first line                       the page is a redirect
// Internal links are written as placeholders (<a data-wl="...">) that engine fills in with the
// current red or blue state when a page is viewed; nothing else in the HTML changes afterwards.
#pragma once

#include <chrono>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "engine/result.h"
#include "engine/title.h"

namespace kidwiki::engine {

struct RenderContext {
  std::string lang;                    // the edition's language
  NamespaceNames names;                // its namespace names
  std::vector<std::string> languages;  // every edition's code, for [[xx:Title]] links
  // The table of contents' title; when empty, looked up in the catalogs for `lang` (which loads
  // them: a caller that renders often fills it once).
  std::string toc_title{};
};

struct LangLink {
  std::string lang;
  std::string title;
  friend bool operator==(const LangLink&, const LangLink&) = default;
};

struct Heading {
  int level;
  std::string text;    // plain text of the heading
  std::string anchor;  // the id it carries in the HTML
};

struct RenderResult {
  std::string html;                     // safe HTML with link placeholders
  std::vector<Title> links;             // distinct internal link targets, in order of appearance
  std::vector<std::string> categories;  // distinct category names (without prefix), in order
  std::vector<LangLink> langlinks;      // distinct interlanguage links, in order
  std::optional<Title> redirect;        // set when the page is a redirect
  std::vector<Heading> headings;
  std::string plain_text;               // what a reader reads, without markup (for search)
};

// Limits on one render, which a user's text must respect.
inline constexpr int kMaxNesting = 32;

// Renders in this process. Refuses (unprocessable) text nested deeper than kMaxNesting.
// Use only on text that is trusted or already passed render_sandboxed: cmark-gfm has inputs that
// take super-linear time or memory (a table pads every row to its header's width).
Result<RenderResult> render_markdown(std::string_view markdown, const RenderContext& context);

// Limits for render_sandboxed. The bound on a text is CPU time and memory, which do not depend on
// the machine's load, so the same text gets the same answer on a busy and on a quiet machine; the
// wall-clock deadline is only a safety net for a worker that stops making progress.
struct SandboxLimits {
  std::vector<std::string> worker_argv;  // a command that runs run_render_worker()
  int cpu_seconds = 2;
  long memory_bytes = 1024L * 1024 * 1024;
  int wall_milliseconds = 30000;
};

// Who waits for a render worker, and how many run at once (see engine/src/render/render_gate.h).
enum class RenderPriority { save, preview };
struct RenderQueueLimits {
  int concurrent_renders = 0;  // 0: one per core
  std::size_t waiting_saves = 64;
  std::size_t waiting_previews = 4;
  std::chrono::milliseconds save_wait{30000};
  std::chrono::milliseconds preview_wait{2000};
};

// Render workers: separate processes that render user text under CPU, memory and wall-clock
// limits, so that no input can stall or exhaust the server. Started when first needed and kept
// (up to `keep_idle` idle ones) for the next renders. Over the CPU or memory limit (or an answer
// that makes no sense): unprocessable with "error-too-complex". Past the wall-clock deadline,
// which only a starved or stuck worker reaches: busy with "error-render-failed", as the text is
// not to blame. Thread-safe: each render() uses a worker of its own.
class RenderWorkers {
 public:
  RenderWorkers(SandboxLimits limits, std::size_t keep_idle);
  ~RenderWorkers();  // ends the idle workers
  RenderWorkers(const RenderWorkers&) = delete;
  RenderWorkers& operator=(const RenderWorkers&) = delete;

  Result<RenderResult> render(std::string_view markdown, const RenderContext& context);

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

// One render in a worker started for it alone (the tests, and tools that render once).
Result<RenderResult> render_sandboxed(std::string_view markdown, const RenderContext& context,
                                      const SandboxLimits& limits);

// The worker's side: reads requests from `in_fd` and writes their answers to `out_fd` until
// `in_fd` ends; returns the process exit code. Called by `kidwiki render-worker` and by the test
// programs.
int run_render_worker(int in_fd, int out_fd);

}  // namespace kidwiki::engine

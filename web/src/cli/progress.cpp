#include "cli/progress.h"

#include <unistd.h>

#include <algorithm>
#include <atomic>
#include <csignal>
#include <cstdlib>

#include "cli/cli_common.h"

namespace kidwiki::cli {
namespace {

constexpr int kBarWidth = 24;
// A terminal is redrawn ten times a second; a log gets a line a second.
constexpr auto kTerminalEvery = std::chrono::milliseconds(100);
constexpr auto kLogEvery = std::chrono::seconds(1);

std::string clock_text(double seconds) {
  auto whole = static_cast<long long>(std::max(0.0, seconds) + 0.5);
  char buffer[32];
  if (whole >= 3600) {
    std::snprintf(buffer, sizeof buffer, "%lld:%02lld:%02lld", whole / 3600, whole / 60 % 60,
                  whole % 60);
  } else {
    std::snprintf(buffer, sizeof buffer, "%lld:%02lld", whole / 60, whole % 60);
  }
  return buffer;
}

std::string bar(std::uint64_t done, std::uint64_t total) {
  auto filled = total == 0 ? 0 : static_cast<int>(kBarWidth * std::min(done, total) / total);
  return "[" + std::string(filled, '#') + std::string(kBarWidth - filled, '-') + "] ";
}

}  // namespace

Progress::Progress(std::string label, std::uint64_t total, std::FILE* out)
    : Progress(std::move(label), total, out, isatty(fileno(out)) == 1) {}

Progress::Progress(std::string label, std::uint64_t total, std::FILE* out, bool terminal)
    : label_(std::move(label)), total_(total), out_(out), terminal_(terminal),
      started_(Clock::now()) {}

Progress::~Progress() {
  if (!finished_ && terminal_ && shown_ != Clock::time_point{}) std::fputs("\n", out_);
}

void Progress::set_total(std::uint64_t total) { total_ = total; }

void Progress::advance(std::uint64_t count) { set_done(done_ + count); }

void Progress::set_done(std::uint64_t done) {
  done_ = done;
  auto now = Clock::now();
  if (now - shown_ >= (terminal_ ? kTerminalEvery : kLogEvery)) show(false);
}

void Progress::finish() {
  if (finished_) return;
  show(true);
  finished_ = true;
}

std::string Progress::line(double elapsed) const {
  auto done = static_cast<std::int64_t>(done_);
  auto rate = static_cast<std::int64_t>(elapsed > 0 ? done_ / elapsed : 0);
  if (finished_) {
    return text("cli-progress-done", {{"label", label_}, {"done", done}, {"rate", rate},
                                      {"elapsed", clock_text(elapsed)}});
  }
  if (total_ == 0) {
    return text("cli-progress-unknown", {{"label", label_}, {"done", done}, {"rate", rate}});
  }
  double left = done_ == 0 ? 0 : elapsed * static_cast<double>(total_ - std::min(done_, total_)) /
                                     static_cast<double>(done_);
  auto percent = static_cast<std::int64_t>(100 * std::min(done_, total_) / total_);
  return text("cli-progress-known",
              {{"label", label_}, {"done", done}, {"total", static_cast<std::int64_t>(total_)},
               {"percent", percent}, {"rate", rate},
               {"left", done_ == 0 ? std::string("?") : clock_text(left)}});
}

void Progress::show(bool last) {
  auto now = Clock::now();
  if (last) finished_ = true;
  std::string text_line = line(std::chrono::duration<double>(now - started_).count());
  shown_ = now;
  if (terminal_) {
    // \r and "erase to the end of the line": the bar is redrawn where it stands.
    std::fputs(("\r\x1b[K" + (last ? std::string() : bar(done_, total_)) + text_line +
                (last ? "\n" : ""))
                   .c_str(),
               out_);
  } else {
    std::fputs((text_line + "\n").c_str(), out_);
  }
  std::fflush(out_);
}

namespace {

std::atomic<bool> g_interrupted{false};
// Formatted before any signal: a handler may only call async-signal-safe functions like write().
std::string g_note;

void on_interrupt(int) {
  if (g_interrupted.exchange(true)) std::_Exit(130);  // the second Ctrl-C: out at once
  [[maybe_unused]] auto ignored = ::write(STDERR_FILENO, g_note.data(), g_note.size());
}

}  // namespace

void watch_interrupts() {
  g_note = "\n" + text("cli-interrupted") + "\n";
  struct sigaction action {};
  action.sa_handler = on_interrupt;
  sigemptyset(&action.sa_mask);
  sigaction(SIGINT, &action, nullptr);
  sigaction(SIGTERM, &action, nullptr);
}

bool interrupted() { return g_interrupted.load(); }

}  // namespace kidwiki::cli

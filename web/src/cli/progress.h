// A long job's progress on the console (import, export, backup, reindex): on a terminal, one bar
// redrawn in place with counts, rate and time left; otherwise plain lines, at most one a second
// and always the last, so that logs, supervisors and tests read whole lines.
#pragma once

#include <chrono>
#include <cstdint>
#include <cstdio>
#include <string>

namespace kidwiki::cli {

class Progress {
 public:
  using Clock = std::chrono::steady_clock;

  // total 0: not known yet (set_total once it is). `out` is where the bar goes (stdout by
  // default); `terminal` says whether it is one (isatty when left out).
  Progress(std::string label, std::uint64_t total, std::FILE* out = stdout);
  Progress(std::string label, std::uint64_t total, std::FILE* out, bool terminal);
  Progress(const Progress&) = delete;
  Progress& operator=(const Progress&) = delete;
  ~Progress();  // finishes the bar's line if finish() was not called

  void set_total(std::uint64_t total);
  void advance(std::uint64_t count = 1);
  void set_done(std::uint64_t done);
  // The last line, with the whole job's count and rate.
  void finish();

  // The line shown once `elapsed_seconds` have passed since the start (tests read it without a
  // clock).
  std::string line(double elapsed_seconds) const;

 private:
  void show(bool last);

  std::string label_;
  std::uint64_t total_ = 0;
  std::uint64_t done_ = 0;
  std::FILE* out_;
  bool terminal_;
  bool finished_ = false;
  Clock::time_point started_;
  Clock::time_point shown_{};
};

// Ctrl-C (SIGINT) and SIGTERM during a long job: the first asks the job to stop at its next safe
// point (the job checks interrupted() and leaves nothing half-written); a second one ends the
// program at once. watch_interrupts() installs the handlers; call it once, before the job.
void watch_interrupts();
bool interrupted();

}  // namespace kidwiki::cli

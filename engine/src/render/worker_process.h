// One render worker process and the server's ends of its pipes: spawned with the limits of
// SandboxLimits, then used for one request after another (render_workers.cpp keeps the idle
// ones). Each request carries its CPU budget, which the worker sets on itself (render_worker.cpp).
//
// SIGPIPE: a worker that dies before reading a whole request makes our write() fail with EPIPE,
// which would also raise SIGPIPE and, by default, kill the server. The exchange blocks SIGPIPE in
// the calling thread and discards one it raised itself, so that no other thread is affected.
#pragma once

#include <sys/types.h>

#include <chrono>
#include <memory>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "engine/render.h"

namespace kidwiki::engine {

class UniqueFd {
 public:
  explicit UniqueFd(int fd = -1) : fd_(fd) {}
  UniqueFd(UniqueFd&& other) noexcept : fd_(other.fd_) { other.fd_ = -1; }
  UniqueFd& operator=(UniqueFd&& other) noexcept {
    std::swap(fd_, other.fd_);
    return *this;
  }
  ~UniqueFd() { reset(); }
  int get() const { return fd_; }
  bool valid() const { return fd_ >= 0; }
  void reset();

 private:
  int fd_;
};

class WorkerProcess {
 public:
  using Clock = std::chrono::steady_clock;

  // Null when the program cannot be started or limited. The worker will serve at most
  // `lifetime_requests` requests (its lifetime CPU limit is set from it).
  static std::unique_ptr<WorkerProcess> spawn(const SandboxLimits& limits, int lifetime_requests);
  ~WorkerProcess();  // kills and reaps the worker unless it has ended already
  WorkerProcess(const WorkerProcess&) = delete;
  WorkerProcess& operator=(const WorkerProcess&) = delete;

  enum class Exchange {
    answered,   // `answer` holds one whole answer message; the worker waits for the next request
    ended,      // the worker closed its output (or stopped reading) before a whole answer
    timed_out,  // no whole answer before the deadline
    too_large,  // the answer announced more than any page could need
    failed,     // a system call failed
  };
  // Sends one request and reads one answer.
  Exchange exchange(std::string_view request, std::string& answer, Clock::time_point deadline);

  // After `ended`: how the worker ended, or that it is still running at the deadline.
  enum class Exit { clean, failed, running };
  Exit wait_exit(Clock::time_point deadline);

  // False once the worker has ended (checked without waiting).
  bool alive();
  int requests_served() const { return requests_; }

 private:
  WorkerProcess(pid_t pid, UniqueFd to_child, UniqueFd from_child)
      : pid_(pid), to_child_(std::move(to_child)), from_child_(std::move(from_child)) {}
  bool limit(const SandboxLimits& limits, int lifetime_requests) const;

  pid_t pid_;
  UniqueFd to_child_;
  UniqueFd from_child_;
  bool reaped_ = false;
  int requests_ = 0;
};

}  // namespace kidwiki::engine

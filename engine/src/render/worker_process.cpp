#include "render/worker_process.h"

#include <fcntl.h>
#include <poll.h>
#include <pthread.h>
#include <signal.h>
#include <spawn.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <optional>

#include "render/render_protocol.h"

extern char** environ;

namespace kidwiki::engine {
namespace {

using Clock = WorkerProcess::Clock;

// More than any page could legitimately produce; a worker that writes more is misbehaving.
constexpr std::size_t kMaxAnswerBytes = 64u << 20;
// A megabyte text and its HTML cross the pipes in a few large writes instead of 64 KiB ones, each
// a wake-up of the other side (the default pipe size; 1 MiB is what an unprivileged process may
// ask for).
constexpr int kPipeBytes = 1 << 20;
// Rendering is batch work: at a lower priority, a worker never slows the server's threads that
// answer readers, and still gets every idle cycle.
constexpr int kWorkerNice = 10;

class SigpipeBlock {
 public:
  SigpipeBlock() {
    sigemptyset(&sigpipe_);
    sigaddset(&sigpipe_, SIGPIPE);
    sigset_t pending;
    sigpending(&pending);
    was_pending_ = sigismember(&pending, SIGPIPE) == 1;
    pthread_sigmask(SIG_BLOCK, &sigpipe_, &previous_);
  }
  ~SigpipeBlock() {
    sigset_t pending;
    sigpending(&pending);
    if (!was_pending_ && sigismember(&pending, SIGPIPE) == 1) {
      timespec no_wait{0, 0};
      sigtimedwait(&sigpipe_, nullptr, &no_wait);
    }
    pthread_sigmask(SIG_SETMASK, &previous_, nullptr);
  }
  SigpipeBlock(const SigpipeBlock&) = delete;
  SigpipeBlock& operator=(const SigpipeBlock&) = delete;

 private:
  sigset_t sigpipe_;
  sigset_t previous_;
  bool was_pending_ = false;
};

int milliseconds_left(Clock::time_point deadline) {
  auto left = std::chrono::duration_cast<std::chrono::milliseconds>(deadline - Clock::now());
  return left.count() > 0 ? static_cast<int>(left.count()) : 0;
}

class SpawnSetup {
 public:
  SpawnSetup(int stdin_fd, int stdout_fd) {
    posix_spawn_file_actions_init(&actions_);
    posix_spawn_file_actions_adddup2(&actions_, stdin_fd, STDIN_FILENO);
    posix_spawn_file_actions_adddup2(&actions_, stdout_fd, STDOUT_FILENO);
    posix_spawn_file_actions_addopen(&actions_, STDERR_FILENO, "/dev/null", O_WRONLY, 0);
    posix_spawnattr_init(&attributes_);
    // The calling thread may block signals (SigpipeBlock) or the server may ignore some: the
    // worker starts with none blocked, and SIGPIPE and SIGXCPU (the CPU limit) at their default.
    sigset_t none, defaults;
    sigemptyset(&none);
    sigemptyset(&defaults);
    sigaddset(&defaults, SIGPIPE);
    sigaddset(&defaults, SIGXCPU);
    posix_spawnattr_setsigmask(&attributes_, &none);
    posix_spawnattr_setsigdefault(&attributes_, &defaults);
    posix_spawnattr_setflags(&attributes_, POSIX_SPAWN_SETSIGMASK | POSIX_SPAWN_SETSIGDEF);
  }
  ~SpawnSetup() {
    posix_spawn_file_actions_destroy(&actions_);
    posix_spawnattr_destroy(&attributes_);
  }
  SpawnSetup(const SpawnSetup&) = delete;
  SpawnSetup& operator=(const SpawnSetup&) = delete;

  std::optional<pid_t> spawn(const std::vector<std::string>& argv) const {
    std::vector<char*> args;
    for (const std::string& arg : argv) args.push_back(const_cast<char*>(arg.c_str()));
    args.push_back(nullptr);
    pid_t pid = 0;
    if (posix_spawn(&pid, args[0], &actions_, &attributes_, args.data(), environ) != 0) {
      return std::nullopt;
    }
    return pid;
  }

 private:
  posix_spawn_file_actions_t actions_;
  posix_spawnattr_t attributes_;
};

bool write_some(int fd, std::string_view data, std::size_t& written) {
  ssize_t n = write(fd, data.data() + written, data.size() - written);
  if (n > 0) written += static_cast<std::size_t>(n);
  return n >= 0 || errno == EAGAIN || errno == EINTR;
}

}  // namespace

void UniqueFd::reset() {
  if (fd_ >= 0) close(fd_);
  fd_ = -1;
}

// Pipes are close-on-exec so that workers spawned by other threads never inherit them.
std::unique_ptr<WorkerProcess> WorkerProcess::spawn(const SandboxLimits& limits,
                                                    int lifetime_requests) {
  int to_child[2], from_child[2];
  if (limits.worker_argv.empty() || pipe2(to_child, O_CLOEXEC) != 0) return nullptr;
  UniqueFd child_stdin(to_child[0]), request_end(to_child[1]);
  if (pipe2(from_child, O_CLOEXEC) != 0) return nullptr;
  UniqueFd answer_end(from_child[0]), child_stdout(from_child[1]);
  std::optional<pid_t> pid =
      SpawnSetup(child_stdin.get(), child_stdout.get()).spawn(limits.worker_argv);
  if (!pid) return nullptr;
  fcntl(request_end.get(), F_SETFL, O_NONBLOCK);
  fcntl(answer_end.get(), F_SETFL, O_NONBLOCK);
  // Not fatal if refused: the default size works, with more wake-ups.
  fcntl(request_end.get(), F_SETPIPE_SZ, kPipeBytes);
  fcntl(answer_end.get(), F_SETPIPE_SZ, kPipeBytes);
  std::unique_ptr<WorkerProcess> worker(
      new WorkerProcess(*pid, std::move(request_end), std::move(answer_end)));
  if (!worker->limit(limits, lifetime_requests)) return nullptr;
  return worker;
}

WorkerProcess::~WorkerProcess() {
  if (reaped_) return;
  kill(pid_, SIGKILL);
  int status;
  while (waitpid(pid_, &status, 0) < 0 && errno == EINTR) {
  }
}

bool WorkerProcess::limit(const SandboxLimits& limits, int lifetime_requests) const {
  rlimit memory{static_cast<rlim_t>(limits.memory_bytes), static_cast<rlim_t>(limits.memory_bytes)};
  // Each request ends under its budget (cpu_seconds + 1 at most), so the worker's whole life fits.
  const auto lifetime = static_cast<rlim_t>((limits.cpu_seconds + 1) * (lifetime_requests + 1));
  rlimit cpu{lifetime, lifetime + 1};
  rlimit no_core{0, 0};  // SIGXCPU, the CPU bound, would otherwise dump a core
  // Not fatal if refused.
  setpriority(PRIO_PROCESS, static_cast<id_t>(pid_), kWorkerNice);
  // ESRCH: the child already finished; its answer is judged like any other.
  return (prlimit(pid_, RLIMIT_CPU, &cpu, nullptr) == 0 || errno == ESRCH) &&
         (prlimit(pid_, RLIMIT_AS, &memory, nullptr) == 0 || errno == ESRCH) &&
         (prlimit(pid_, RLIMIT_CORE, &no_core, nullptr) == 0 || errno == ESRCH);
}

WorkerProcess::Exchange WorkerProcess::exchange(std::string_view request, std::string& answer,
                                                Clock::time_point deadline) {
  answer.clear();
  if (!to_child_.valid() || !from_child_.valid()) return Exchange::ended;
  ++requests_;
  SigpipeBlock no_sigpipe;
  std::size_t written = 0;
  char buffer[65536];
  for (;;) {
    int timeout = milliseconds_left(deadline);
    if (timeout == 0) return Exchange::timed_out;
    const bool writing = to_child_.valid() && written < request.size();
    pollfd fds[2] = {{from_child_.get(), POLLIN, 0}, {to_child_.get(), POLLOUT, 0}};
    int ready = poll(fds, writing ? 2 : 1, timeout);
    if (ready < 0 && errno != EINTR) return Exchange::failed;
    if (ready <= 0) continue;
    // EPIPE and the like: the worker stopped reading; what it does next tells why.
    if (writing && fds[1].revents != 0 && !write_some(to_child_.get(), request, written)) {
      to_child_.reset();
    }
    if (fds[0].revents == 0) continue;
    // Everything the pipe holds, before polling again (and never more than an answer may be).
    ssize_t n = 1;
    while (answer.size() <= kMaxAnswerBytes &&
           (n = read(from_child_.get(), buffer, sizeof buffer)) > 0) {
      answer.append(buffer, static_cast<std::size_t>(n));
      if (static_cast<std::size_t>(n) < sizeof buffer) break;
    }
    MessageSize m = message_size(answer, kAnswerParts, kMaxAnswerBytes);
    if (m.state == MessageSize::too_large) return Exchange::too_large;
    if (m.state == MessageSize::complete) {
      // Anything beyond one answer is a worker that speaks out of turn.
      return m.bytes == answer.size() && written == request.size() ? Exchange::answered
                                                                   : Exchange::too_large;
    }
    if (n == 0) {
      from_child_.reset();
      to_child_.reset();
      return Exchange::ended;
    }
    if (n < 0 && errno != EAGAIN && errno != EINTR) return Exchange::failed;
  }
}

WorkerProcess::Exit WorkerProcess::wait_exit(Clock::time_point deadline) {
  for (;;) {
    int status = 0;
    pid_t done = waitpid(pid_, &status, WNOHANG);
    if (done == pid_) {
      reaped_ = true;
      return WIFEXITED(status) && WEXITSTATUS(status) == 0 ? Exit::clean : Exit::failed;
    }
    // ECHILD: someone set SIGCHLD to be ignored, so the kernel reaped the worker.
    if (done < 0 && errno == ECHILD) {
      reaped_ = true;
      return Exit::failed;
    }
    if (done < 0 && errno != EINTR) return Exit::failed;
    if (milliseconds_left(deadline) == 0) return Exit::running;
    timespec pause{0, 1'000'000};
    nanosleep(&pause, nullptr);
  }
}

bool WorkerProcess::alive() {
  if (reaped_) return false;
  int status = 0;
  pid_t done = waitpid(pid_, &status, WNOHANG);
  if (done == pid_ || (done < 0 && errno == ECHILD)) reaped_ = true;
  return !reaped_;
}

}  // namespace kidwiki::engine

// render_sandboxed: the renderer in a child process, limited from the outside.
//
// Why a process: cmark 0.30 has inputs that take quadratic time or deep memory, and a parser cannot
// be trusted to police itself. The parent sets RLIMIT_CPU and RLIMIT_AS on the child right after
// spawning it (prlimit), and enforces a wall-clock deadline itself: whatever the child does, the
// parent answers in bounded time. The limits judge the text; the deadline only catches a worker
// that stopped making progress, and its answer says so (busy), not that the text is too complex.
//
// SIGPIPE: a worker that dies before reading its whole request makes our write() fail with EPIPE,
// which would also raise SIGPIPE and, by default, kill the server. The exchange blocks SIGPIPE in
// the calling thread only (other threads are not affected), and before unblocking it takes back
// any SIGPIPE that its own writes left pending, so the signal is never delivered and the server
// needs no process-wide SIG_IGN. EPIPE itself just ends the writing: the child's exit status and
// answer decide the result.
//
// Zombies: every path out of render_sandboxed goes through ChildProcess's destructor, which kills
// (SIGKILL) and reaps a child not reaped yet.
#include <fcntl.h>
#include <poll.h>
#include <pthread.h>
#include <signal.h>
#include <spawn.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include <cerrno>
#include <chrono>
#include <memory>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "engine/render.h"
#include "render/render_protocol.h"

namespace kidwiki::engine {
namespace {

using Clock = std::chrono::steady_clock;

// More than any page could legitimately produce; a worker that writes more is misbehaving.
constexpr std::size_t kMaxAnswerBytes = 64u << 20;
constexpr int kWorkerNice = 10;

Error too_complex() { return make_error(ErrorCode::unprocessable, "error-too-complex"); }
Error render_failed() { return make_error(ErrorCode::storage, "error-render-failed"); }
// The worker made too little progress in a long time: the machine is starved, the text is not
// to blame (its bound is CPU time).
Error starved() {
  return make_error(ErrorCode::busy, "error-render-failed", {{"seconds", std::int64_t{5}}});
}

class UniqueFd {
 public:
  explicit UniqueFd(int fd = -1) : fd_(fd) {}
  UniqueFd(UniqueFd&& other) noexcept : fd_(std::exchange(other.fd_, -1)) {}
  UniqueFd& operator=(UniqueFd&& other) noexcept {
    std::swap(fd_, other.fd_);
    return *this;
  }
  ~UniqueFd() { reset(); }
  int get() const { return fd_; }
  bool valid() const { return fd_ >= 0; }
  void reset() {
    if (fd_ >= 0) close(fd_);
    fd_ = -1;
  }

 private:
  int fd_;
};

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

// A spawned worker and the parent's ends of its pipes.
class ChildProcess {
 public:
  ChildProcess(pid_t pid, UniqueFd to_child, UniqueFd from_child)
      : pid_(pid), to_child_(std::move(to_child)), from_child_(std::move(from_child)) {}
  ~ChildProcess() {
    if (reaped_) return;
    kill(pid_, SIGKILL);
    int status;
    while (waitpid(pid_, &status, 0) < 0 && errno == EINTR) {
    }
  }
  ChildProcess(const ChildProcess&) = delete;
  ChildProcess& operator=(const ChildProcess&) = delete;

  bool limit(const SandboxLimits& limits) const;
  // Writes the request and reads the answer until the child closes its stdout.
  enum class Exchange { done, timed_out, too_large, failed };
  Exchange exchange(std::string_view request, std::string& answer, Clock::time_point deadline);
  // How the child ended: status 0, anything else, or not at all before the deadline.
  enum class Exit { clean, failed, running };
  Exit wait_exit(Clock::time_point deadline);

 private:
  bool write_some(std::string_view request, std::size_t& written);
  Exchange read_some(std::string& answer);

  pid_t pid_;
  UniqueFd to_child_;
  UniqueFd from_child_;
  bool reaped_ = false;
};

bool ChildProcess::limit(const SandboxLimits& limits) const {
  rlimit cpu{static_cast<rlim_t>(limits.cpu_seconds), static_cast<rlim_t>(limits.cpu_seconds + 1)};
  rlimit memory{static_cast<rlim_t>(limits.memory_bytes), static_cast<rlim_t>(limits.memory_bytes)};
  // Rendering is batch work: at a lower priority, a worker never slows the server's threads that
  // answer readers, and still gets every idle cycle. Not fatal if refused.
  setpriority(PRIO_PROCESS, static_cast<id_t>(pid_), kWorkerNice);
  // ESRCH: the child already finished; its answer is judged like any other.
  return (prlimit(pid_, RLIMIT_CPU, &cpu, nullptr) == 0 || errno == ESRCH) &&
         (prlimit(pid_, RLIMIT_AS, &memory, nullptr) == 0 || errno == ESRCH);
}

bool ChildProcess::write_some(std::string_view request, std::size_t& written) {
  ssize_t n = write(to_child_.get(), request.data() + written, request.size() - written);
  if (n > 0) written += static_cast<std::size_t>(n);
  if (n < 0 && errno != EAGAIN && errno != EINTR) return false;
  return true;
}

ChildProcess::Exchange ChildProcess::read_some(std::string& answer) {
  char buffer[65536];
  ssize_t n = read(from_child_.get(), buffer, sizeof buffer);
  if (n == 0) from_child_.reset();
  if (n < 0 && errno != EAGAIN && errno != EINTR) return Exchange::failed;
  if (n > 0) answer.append(buffer, static_cast<std::size_t>(n));
  return answer.size() > kMaxAnswerBytes ? Exchange::too_large : Exchange::done;
}

ChildProcess::Exchange ChildProcess::exchange(std::string_view request, std::string& answer,
                                              Clock::time_point deadline) {
  fcntl(to_child_.get(), F_SETFL, O_NONBLOCK);
  fcntl(from_child_.get(), F_SETFL, O_NONBLOCK);
  SigpipeBlock no_sigpipe;
  std::size_t written = 0;
  while (from_child_.valid()) {
    if (to_child_.valid() && written == request.size()) to_child_.reset();  // EOF for the child
    int timeout = milliseconds_left(deadline);
    if (timeout == 0) return Exchange::timed_out;
    pollfd fds[2] = {{from_child_.get(), POLLIN, 0}, {to_child_.get(), POLLOUT, 0}};
    int ready = poll(fds, to_child_.valid() ? 2 : 1, timeout);
    if (ready < 0 && errno != EINTR) return Exchange::failed;
    if (ready <= 0) continue;
    // EPIPE and the like: the child stopped reading; its exit status tells why.
    if (to_child_.valid() && fds[1].revents != 0 && !write_some(request, written)) {
      to_child_.reset();
    }
    if (fds[0].revents == 0) continue;
    if (Exchange read = read_some(answer); read != Exchange::done) return read;
  }
  to_child_.reset();
  return Exchange::done;
}

ChildProcess::Exit ChildProcess::wait_exit(Clock::time_point deadline) {
  for (;;) {
    int status = 0;
    pid_t done = waitpid(pid_, &status, WNOHANG);
    if (done == pid_) {
      reaped_ = true;
      return WIFEXITED(status) && WEXITSTATUS(status) == 0 ? Exit::clean : Exit::failed;
    }
    // ECHILD: the server ignores SIGCHLD, so the kernel reaped the child; the answer decides.
    if (done < 0 && errno == ECHILD) {
      reaped_ = true;
      return Exit::clean;
    }
    if (done < 0 && errno != EINTR) return Exit::failed;
    if (milliseconds_left(deadline) == 0) return Exit::running;
    timespec pause{0, 1'000'000};
    nanosleep(&pause, nullptr);
  }
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

// Pipes are close-on-exec so that workers spawned by other threads never inherit them.
std::unique_ptr<ChildProcess> spawn_worker(const std::vector<std::string>& argv) {
  int to_child[2], from_child[2];
  if (argv.empty() || pipe2(to_child, O_CLOEXEC) != 0) return nullptr;
  UniqueFd child_stdin(to_child[0]), request_end(to_child[1]);
  if (pipe2(from_child, O_CLOEXEC) != 0) return nullptr;
  UniqueFd answer_end(from_child[0]), child_stdout(from_child[1]);
  std::optional<pid_t> pid = SpawnSetup(child_stdin.get(), child_stdout.get()).spawn(argv);
  if (!pid) return nullptr;
  return std::make_unique<ChildProcess>(*pid, std::move(request_end), std::move(answer_end));
}

}  // namespace

Result<RenderResult> render_sandboxed(std::string_view markdown, const RenderContext& context,
                                      const SandboxLimits& limits) {
  Clock::time_point deadline = Clock::now() + std::chrono::milliseconds(limits.wall_milliseconds);
  std::unique_ptr<ChildProcess> child = spawn_worker(limits.worker_argv);
  if (!child || !child->limit(limits)) return render_failed();
  std::string answer;
  switch (child->exchange(encode_request(markdown, context), answer, deadline)) {
    case ChildProcess::Exchange::done:
      break;
    case ChildProcess::Exchange::failed:
      return render_failed();
    case ChildProcess::Exchange::timed_out:
      return starved();
    case ChildProcess::Exchange::too_large:
      return too_complex();
  }
  switch (child->wait_exit(deadline)) {
    case ChildProcess::Exit::clean:
      break;
    case ChildProcess::Exit::failed:
      return too_complex();
    case ChildProcess::Exit::running:
      return starved();
  }
  std::optional<Result<RenderResult>> decoded = decode_answer(answer);
  if (!decoded) return too_complex();
  return std::move(*decoded);
}

}  // namespace kidwiki::engine

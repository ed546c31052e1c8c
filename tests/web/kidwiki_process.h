// The real kidwiki program as a child process, for the tests of the "process" suite.
#pragma once

#include <csignal>
#include <cstdio>
#include <mutex>
#include <regex>
#include <stdexcept>
#include <string>
#include <thread>
#include <vector>

#include <fcntl.h>
#include <spawn.h>
#include <sys/wait.h>
#include <unistd.h>

extern char** environ;

namespace kidwiki::web::testing {

// Where a started program's standard streams go: a file each, "" for the test's own; with
// `errors_with_output`, standard error goes where standard output goes.
struct Streams {
  std::string in{}, out{}, err{};
  bool errors_with_output = false;
};

// Starts `kidwiki ARGS...` (the program under test) with `streams`; returns its process id, or
// throws when it cannot start.
inline pid_t start_kidwiki(const std::vector<std::string>& args, const Streams& streams) {
  posix_spawn_file_actions_t actions;
  posix_spawn_file_actions_init(&actions);
  if (!streams.in.empty())
    posix_spawn_file_actions_addopen(&actions, STDIN_FILENO, streams.in.c_str(), O_RDONLY, 0);
  if (!streams.out.empty())
    posix_spawn_file_actions_addopen(&actions, STDOUT_FILENO, streams.out.c_str(),
                                     O_WRONLY | O_CREAT | O_TRUNC, 0600);
  if (streams.errors_with_output) {
    posix_spawn_file_actions_adddup2(&actions, STDOUT_FILENO, STDERR_FILENO);
  } else if (!streams.err.empty()) {
    posix_spawn_file_actions_addopen(&actions, STDERR_FILENO, streams.err.c_str(),
                                     O_WRONLY | O_CREAT | O_TRUNC, 0600);
  }
  std::vector<std::string> all = {KIDWIKI_BINARY};
  all.insert(all.end(), args.begin(), args.end());
  std::vector<char*> argv;
  for (auto& arg : all) argv.push_back(arg.data());
  argv.push_back(nullptr);
  pid_t pid = -1;
  const int error = posix_spawn(&pid, all[0].c_str(), &actions, nullptr, argv.data(), environ);
  posix_spawn_file_actions_destroy(&actions);
  if (error != 0) throw std::runtime_error("cannot start " + all[0]);
  return pid;
}

// `kidwiki serve --data DIR --port 0` as a child process, killed if still running at the end.
class KidwikiProcess {
 public:
  explicit KidwikiProcess(const std::string& data_dir) {
    int fds[2];
    if (pipe(fds) != 0) throw std::runtime_error("pipe failed");
    posix_spawn_file_actions_t actions;
    posix_spawn_file_actions_init(&actions);
    posix_spawn_file_actions_adddup2(&actions, fds[1], STDOUT_FILENO);
    posix_spawn_file_actions_addclose(&actions, fds[0]);
    std::string binary = KIDWIKI_BINARY;
    std::vector<std::string> args = {binary, "serve", "--data", data_dir, "--port", "0"};
    std::vector<char*> argv;
    for (auto& arg : args) argv.push_back(arg.data());
    argv.push_back(nullptr);
    int error = posix_spawn(&pid_, binary.c_str(), &actions, nullptr, argv.data(), environ);
    posix_spawn_file_actions_destroy(&actions);
    close(fds[1]);
    if (error != 0) throw std::runtime_error("cannot start " + binary);
    output_ = fdopen(fds[0], "r");
    port_ = read_port();
    // The request log keeps coming; a full pipe would stall the server.
    drain_ = std::thread([this] {
      char line[4096];
      while (std::fgets(line, sizeof line, output_) != nullptr) {
        std::lock_guard lock(mutex_);
        lines_.emplace_back(line);
      }
    });
  }

  ~KidwikiProcess() {
    kill_now();
    if (drain_.joinable()) drain_.join();  // ends at EOF, once the child is gone
    if (output_ != nullptr) std::fclose(output_);
  }

  int port() const { return port_; }
  // What the program printed before its "listening" line.
  const std::string& start_lines() const { return start_lines_; }

  // The password of the first admin, which `serve` prints once on an empty data directory; ""
  // when this start printed none.
  std::string first_admin_password() const {
    static const std::regex line(R"(admin account created: admin / ([a-z0-9-]+) — write it down)");
    std::smatch match;
    if (!std::regex_search(start_lines_, match, line)) return "";
    return match[1];
  }

  // Lines printed after the "listening" line so far.
  std::vector<std::string> lines() {
    std::lock_guard lock(mutex_);
    return lines_;
  }

  // Sends SIGTERM and returns the exit status once the process has ended.
  int terminate() {
    ::kill(pid_, SIGTERM);
    int status = 0;
    waitpid(pid_, &status, 0);
    pid_ = -1;
    if (drain_.joinable()) drain_.join();
    return status;
  }

  void kill_now() {
    if (pid_ <= 0) return;
    ::kill(pid_, SIGKILL);
    int status = 0;
    waitpid(pid_, &status, 0);
    pid_ = -1;
  }

 private:
  // Reads start-up lines until "listening on http://127.0.0.1:PORT".
  int read_port() {
    const std::string marker = "listening on http://127.0.0.1:";
    char line[4096];
    while (std::fgets(line, sizeof line, output_) != nullptr) {
      std::string text(line);
      if (text.starts_with(marker)) return std::stoi(text.substr(marker.size()));
      start_lines_ += text;
    }
    throw std::runtime_error("kidwiki exited before listening");
  }

  pid_t pid_ = -1;
  FILE* output_ = nullptr;
  int port_ = -1;
  std::thread drain_;
  std::mutex mutex_;
  std::vector<std::string> lines_;
  std::string start_lines_;
};

}  // namespace kidwiki::web::testing

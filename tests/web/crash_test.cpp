// The real program as a process: durability when `kidwiki serve` is killed with SIGKILL in the
// middle of a stream of saves (every acknowledged save must be there after a restart), its
// request log, and a clean stop on SIGTERM. ctest runs this suite as its own entry (web_process).
#include <doctest/doctest.h>

#include <chrono>
#include <csignal>
#include <cstdio>
#include <map>
#include <mutex>
#include <optional>
#include <random>
#include <regex>
#include <stdexcept>
#include <string>
#include <thread>
#include <vector>

#include <spawn.h>
#include <sys/wait.h>
#include <unistd.h>

#include "test_server.h"

extern char** environ;

namespace {

using kidwiki::web::testing::json_of;
using kidwiki::web::testing::TempDir;

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
    }
    throw std::runtime_error("kidwiki exited before listening");
  }

  pid_t pid_ = -1;
  FILE* output_ = nullptr;
  int port_ = -1;
  std::thread drain_;
  std::mutex mutex_;
  std::vector<std::string> lines_;
};

std::optional<std::int64_t> current_revision(httplib::Client& client) {
  auto res = client.Get("/api/v1/fr/pages/Crash_test");
  if (!res || res->status != 200) return std::nullopt;
  return json_of(res)["revision_id"].get<std::int64_t>();
}

}  // namespace

TEST_SUITE_BEGIN("process");

TEST_CASE("every acknowledged save survives kill -9" * doctest::timeout(240)) {
  TempDir dir;
  std::mt19937 random(424242);
  std::map<std::int64_t, std::string> acknowledged;
  int counter = 0;
  for (int round = 0; round < 4; ++round) {
    KidwikiProcess kidwiki(dir.path().string());
    httplib::Client client("127.0.0.1", kidwiki.port());
    client.set_read_timeout(10, 0);
    std::optional<std::int64_t> base = current_revision(client);
    auto delay = std::chrono::milliseconds(200 + random() % 1000);
    std::thread killer([&kidwiki, delay] {
      std::this_thread::sleep_for(delay);
      kidwiki.kill_now();
    });
    for (;;) {
      std::string markdown = "Save number " + std::to_string(++counter) + ".";
      nlohmann::json body = {{"markdown", markdown}, {"summary", "crash test"},
                             {"base_revision_id", base ? nlohmann::json(*base) : nlohmann::json()}};
      auto res = client.Put("/api/v1/fr/pages/Crash_test", body.dump(), "application/json");
      if (!res) break;  // the server died
      if (res->status != 200 && res->status != 201) {
        FAIL_CHECK("save refused with " << res->status << ": " << res->body);
        break;  // REQUIRE would throw past the killer thread
      }
      base = json_of(res)["revision_id"].get<std::int64_t>();
      acknowledged[*base] = markdown;
    }
    killer.join();
  }
  REQUIRE(acknowledged.size() > 0);
  KidwikiProcess kidwiki(dir.path().string());
  httplib::Client client("127.0.0.1", kidwiki.port());
  for (const auto& [id, markdown] : acknowledged) {
    CAPTURE(id);
    auto res = client.Get(("/api/v1/fr/revisions/" + std::to_string(id)).c_str());
    REQUIRE(res);
    CHECK(res->status == 200);
    CHECK(json_of(res)["markdown"] == markdown);
  }
  MESSAGE(acknowledged.size() << " acknowledged saves checked after 4 crashes");
}

TEST_CASE("the program logs each request and stops cleanly on SIGTERM" * doctest::timeout(60)) {
  TempDir dir;
  KidwikiProcess kidwiki(dir.path().string());
  httplib::Client client("127.0.0.1", kidwiki.port());
  auto res = client.Get("/api/v1/fr/pages/%C3%89l%C3%A9phant");
  REQUIRE(res);
  CHECK(res->status == 200);
  client.stop();
  int status = kidwiki.terminate();
  CHECK(WIFEXITED(status));
  CHECK(WEXITSTATUS(status) == 0);
  auto lines = kidwiki.lines();
  REQUIRE(lines.size() >= 2);
  const std::regex logged(R"(GET /api/v1/fr/pages/%C3%89l%C3%A9phant 200 \d+ms\n)");
  CHECK(std::regex_match(lines.front(), logged));
  CHECK(lines.back() == "stopped\n");
}

TEST_SUITE_END();

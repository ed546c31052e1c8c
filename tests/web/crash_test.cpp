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

#include "kidwiki_process.h"
#include "test_server.h"

extern char** environ;

namespace {

using kidwiki::web::testing::json_of;
using kidwiki::web::testing::log_in_through_api;
using kidwiki::web::testing::KidwikiProcess;
using kidwiki::web::testing::TempDir;

// Logs `client` in as the first admin: its requests then carry the session and CSRF token.
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
  std::string password;
  for (int round = 0; round < 4; ++round) {
    KidwikiProcess kidwiki(dir.path().string());
    if (round == 0) password = kidwiki.first_admin_password();
    httplib::Client client("127.0.0.1", kidwiki.port());
    client.set_read_timeout(10, 0);
    log_in_through_api(client, "admin", password);
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
      // Saves can outrun the admin's limit (60 a minute) before the kill: the round's saves end
      // there, and the kill still comes; the limit starts again with the next process.
      if (res->status == 429) break;
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
  const std::regex logged(R"(GET /api/v1/fr/pages/%C3%89l%C3%A9phant 200 \d+\.\d{3}ms\n)");
  CHECK(std::regex_match(lines.front(), logged));
  CHECK(lines.back() == "stopped\n");
}

TEST_SUITE_END();

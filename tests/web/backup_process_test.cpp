// Backup and restore with the real program (issue 16): `kidwiki serve` takes saves through the API
// while `kidwiki backup` runs beside it; a second backup is killed mid-way (SIGKILL, and once
// Ctrl-C) and leaves no archive under its name; the last good archive is restored with
// `kidwiki restore` into a new folder, a server started on it, and every page and revision written
// before the good backup is compared through the API. ctest runs this suite as web_process.
#include <doctest/doctest.h>
#include <fcntl.h>
#include <spawn.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <csignal>
#include <fstream>
#include <iterator>
#include <map>
#include <string>
#include <thread>
#include <vector>

#include "kidwiki_process.h"
#include "test_server.h"

extern char** environ;

namespace {

namespace fs = std::filesystem;
using kidwiki::web::testing::json_of;
using kidwiki::web::testing::log_in_through_api;
using kidwiki::web::testing::KidwikiProcess;
using kidwiki::web::testing::TempDir;

// `kidwiki ARGS...` started with its output in `log`; returns its process id.
pid_t start_program(const std::vector<std::string>& args, const fs::path& log) {
  return kidwiki::web::testing::start_kidwiki(
      args, {.out = log.string(), .errors_with_output = true});
}

int wait_for(pid_t pid) {
  int status = 0;
  waitpid(pid, &status, 0);
  return status;
}

std::string read_text(const fs::path& path) {
  std::ifstream in(path);
  return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
}

// Runs `kidwiki ARGS...` to its end; its exit status, and its output in `output`.
int run_program(const std::vector<std::string>& args, const fs::path& log, std::string& output) {
  const int status = wait_for(start_program(args, log));
  output = read_text(log);
  return WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
}

// Waits until `pid` is at work on a file of `dir` named PREFIX<pid>SUFFIX (its partial archive or
// database copy). False when the program ended first.
bool wait_for_partial(const fs::path& dir, const std::string& prefix, const std::string& suffix,
                      pid_t pid) {
  const fs::path partial = dir / (prefix + std::to_string(pid) + suffix);
  for (;;) {
    if (fs::exists(partial)) return true;
    int status = 0;
    if (waitpid(pid, &status, WNOHANG) == pid) return false;
    std::this_thread::sleep_for(std::chrono::microseconds(200));
  }
}

// What was written: each revision's text, and each page's latest text.
struct Written {
  std::map<std::int64_t, std::string> revisions;
  std::map<std::string, std::string> pages;
  std::map<std::string, std::int64_t> latest;
};

void save(httplib::Client& client, Written& written, const std::string& title,
          const std::string& markdown) {
  auto base =
      written.latest.count(title) ? nlohmann::json(written.latest[title]) : nlohmann::json();
  nlohmann::json body = {
      {"markdown", markdown}, {"summary", "backup test"}, {"base_revision_id", base}};
  auto res = client.Put(("/api/v1/fr/pages/" + title).c_str(), body.dump(), "application/json");
  REQUIRE(res);
  REQUIRE_MESSAGE((res->status == 200 || res->status == 201), res->body);
  const auto id = json_of(res)["revision_id"].get<std::int64_t>();
  written.revisions[id] = markdown;
  written.pages[title] = markdown;
  written.latest[title] = id;
}

}  // namespace

TEST_SUITE_BEGIN("process");

TEST_CASE("a backup taken while the server writes restores every page and revision of its moment" *
          doctest::timeout(280)) {
  TempDir dir;
  const fs::path data = dir.path() / "data";
  const fs::path good = dir.path() / "good.tar.gz";
  Written before;  // written before the good backup
  int killed_mid_way = 0;
  std::vector<std::int64_t> after;  // revisions saved once it had started
  {
    KidwikiProcess server(data.string());
    httplib::Client client("127.0.0.1", server.port());
    client.set_read_timeout(20, 0);
    log_in_through_api(client, "admin", server.first_admin_password());
    for (int i = 1; i <= 12; ++i) {
      save(client, before, "Sauvegarde_" + std::to_string(i),
           "Premier texte de la page " + std::to_string(i) + ".");
    }
    for (int i = 1; i <= 4; ++i) {
      save(client, before, "Sauvegarde_" + std::to_string(i),
           "Deuxième texte, avec un [[lien]] et le mot zorglubinette " + std::to_string(i) + ".");
    }

    // The good backup, while saves go on beside it.
    std::string output;
    const pid_t backup =
        start_program({"backup", good.string(), "--data", data.string()}, dir.path() / "good.log");
    Written during;
    for (int i = 1; i <= 3; ++i) {
      save(client, during, "Pendant_" + std::to_string(i), "Écrit pendant la sauvegarde.");
    }
    const int status = wait_for(backup);
    output = read_text(dir.path() / "good.log");
    REQUIRE_MESSAGE(WIFEXITED(status), output);
    REQUIRE_MESSAGE(WEXITSTATUS(status) == 0, output);
    CHECK(output.find("Backup written to") != std::string::npos);
    for (const auto& [id, text] : during.revisions) after.push_back(id);

    // Backups killed mid-way leave no file named as their archive: one killed while it copies
    // the database, one while it writes the archive (xz keeps that phase long enough to see).
    for (const char* phase : {".sqlite3", ""}) {
      CAPTURE(phase);
      const fs::path killed = dir.path() / "killed.tar.xz";
      const pid_t victim = start_program({"backup", killed.string(), "--data", data.string()},
                                         dir.path() / "killed.log");
      if (wait_for_partial(dir.path(), "killed.tar.xz.partial-", phase, victim)) {
        ::kill(victim, SIGKILL);
        CHECK(WIFSIGNALED(wait_for(victim)));
        CHECK_FALSE(fs::exists(killed));
        ++killed_mid_way;
      } else {
        fs::remove(killed);  // finished before it was seen at work: a fast machine
      }
    }
    CHECK(killed_mid_way >= 1);
    MESSAGE(killed_mid_way << " of 2 backups killed mid-way");

    // Ctrl-C: the backup stops at its next step, says so, and leaves nothing at all.
    const fs::path stopped = dir.path() / "stopped.tar.xz";
    const pid_t interrupted = start_program({"backup", stopped.string(), "--data", data.string()},
                                            dir.path() / "stopped.log");
    if (wait_for_partial(dir.path(), "stopped.tar.xz.partial-", "", interrupted)) {
      ::kill(interrupted, SIGINT);
      const int stop_status = wait_for(interrupted);
      CHECK(WIFEXITED(stop_status));
      CHECK(WEXITSTATUS(stop_status) == 1);
      CHECK(read_text(dir.path() / "stopped.log").find("Stopped: nothing was written.") !=
            std::string::npos);
      for (const auto& entry : fs::directory_iterator(dir.path())) {
        CHECK_FALSE(entry.path().filename().string().starts_with("stopped.tar.xz"));
      }
    }

    // The server killed while a backup copies: the backup is still of one moment, or fails
    // without an archive; either way the good one is what gets restored below.
    const pid_t last =
        start_program({"backup", (dir.path() / "last.tar.xz").string(), "--data", data.string()},
                      dir.path() / "last.log");
    server.kill_now();
    const int last_status = wait_for(last);
    if (WIFEXITED(last_status) && WEXITSTATUS(last_status) == 0) {
      std::string check_output;
      CHECK_MESSAGE(run_program({"restore", (dir.path() / "last.tar.xz").string(), "--data",
                                 (dir.path() / "last-check").string()},
                                dir.path() / "last-check.log", check_output) == 0,
                    check_output);
    } else {
      CHECK_FALSE(fs::exists(dir.path() / "last.tar.xz"));
    }
  }

  // Restore the good archive into a new folder and compare through a server on it.
  const fs::path restored = dir.path() / "restored";
  std::string output;
  REQUIRE_MESSAGE(run_program({"restore", good.string(), "--data", restored.string()},
                              dir.path() / "restore.log", output) == 0,
                  output);
  CHECK(output.find("search index was rebuilt") != std::string::npos);
  KidwikiProcess server(restored.string());
  httplib::Client client("127.0.0.1", server.port());
  for (const auto& [id, markdown] : before.revisions) {
    CAPTURE(id);
    auto res = client.Get(("/api/v1/fr/revisions/" + std::to_string(id)).c_str());
    REQUIRE(res);
    CHECK(res->status == 200);
    CHECK(json_of(res)["markdown"] == markdown);
  }
  for (const auto& [title, markdown] : before.pages) {
    CAPTURE(title);
    auto res = client.Get(("/api/v1/fr/pages/" + title).c_str());
    REQUIRE(res);
    CHECK(res->status == 200);
    CHECK(json_of(res)["markdown"] == markdown);
    CHECK(json_of(res)["revision_id"] == before.latest[title]);
  }
  // A page saved while the backup ran is there whole or not at all, with the same text.
  for (std::int64_t id : after) {
    auto res = client.Get(("/api/v1/fr/revisions/" + std::to_string(id)).c_str());
    REQUIRE(res);
    CHECK((res->status == 200 || res->status == 404));
    if (res->status == 200) CHECK(json_of(res)["markdown"] == "Écrit pendant la sauvegarde.");
  }
  // The search index was rebuilt from the restored database.
  auto found = client.Get("/api/v1/fr/search?q=zorglubinette&limit=20");
  REQUIRE(found);
  REQUIRE(found->status == 200);
  CHECK(json_of(found)["results"].size() == 4);
}

TEST_CASE("a restore of a file that is no backup fails, says why, and writes nothing" *
          doctest::timeout(60)) {
  TempDir dir;
  const fs::path bogus = dir.path() / "bogus.tar.gz";
  {
    std::ofstream out(bogus);
    out << "not an archive\n";
  }
  std::string output;
  CHECK(run_program({"restore", bogus.string(), "--data", (dir.path() / "wiki").string()},
                    dir.path() / "restore.log", output) == 1);
  CHECK(output.find("is not a readable backup archive") != std::string::npos);
  CHECK_FALSE(fs::exists(dir.path() / "wiki"));
}

TEST_SUITE_END();

// The exported ZIM file in Kiwix's own tools (Debian's zim-tools and kiwix-tools): zimcheck finds
// nothing wrong with it, and kiwix-serve serves it and its search finds an article.
#include <doctest/doctest.h>

#include <httplib.h>
#include <netinet/in.h>
#include <signal.h>
#include <spawn.h>
#include <sys/socket.h>
#include <sys/wait.h>
#include <unistd.h>

#include <thread>

#include "offline/export.h"
#include "offline_fixture.h"

extern char** environ;

using namespace kidwiki;
using kidwiki::testing::OfflineFixture;

namespace {

// Runs a program to its end; its exit status, or -1 when it could not start.
int run(std::vector<std::string> argv) {
  std::vector<char*> args;
  for (auto& a : argv) args.push_back(a.data());
  args.push_back(nullptr);
  pid_t pid = 0;
  if (posix_spawnp(&pid, args[0], nullptr, nullptr, args.data(), environ) != 0) return -1;
  int status = 0;
  waitpid(pid, &status, 0);
  return WIFEXITED(status) ? WEXITSTATUS(status) : -1;
}

// A port the system had free a moment ago: kiwix-serve takes a port number, not a socket.
int free_port() {
  const int fd = socket(AF_INET, SOCK_STREAM, 0);
  sockaddr_in address{};
  address.sin_family = AF_INET;
  address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  bind(fd, reinterpret_cast<sockaddr*>(&address), sizeof address);
  socklen_t size = sizeof address;
  getsockname(fd, reinterpret_cast<sockaddr*>(&address), &size);
  close(fd);
  return ntohs(address.sin_port);
}

// kiwix-serve on the loopback, stopped when this goes.
class KiwixServe {
 public:
  KiwixServe(const std::filesystem::path& zim, int port) {
    std::vector<std::string> argv = {"kiwix-serve", "--address=127.0.0.1",
                                     "--port=" + std::to_string(port), zim.string()};
    std::vector<char*> args;
    for (auto& a : argv) args.push_back(a.data());
    args.push_back(nullptr);
    REQUIRE(posix_spawnp(&pid_, args[0], nullptr, nullptr, args.data(), environ) == 0);
  }
  ~KiwixServe() {
    kill(pid_, SIGTERM);
    waitpid(pid_, nullptr, 0);
  }

 private:
  pid_t pid_ = 0;
};

// GET `path` once kiwix-serve answers (it needs a moment to open the file); waits at most 30 s,
// a bound for a hung server only.
httplib::Result get_when_ready(httplib::Client& client, const std::string& path) {
  for (int attempt = 0;; ++attempt) {
    auto answer = client.Get(path);
    if (answer || attempt == 300) return answer;
    std::this_thread::sleep_for(std::chrono::milliseconds(100));
  }
}

struct ExportedZim : OfflineFixture {
  std::filesystem::path out = dir / "kidwiki_fr.zim";
  ExportedZim() { REQUIRE(offline::export_zim(*wiki, fr, offline::whole_edition(fr), out)); }
};

}  // namespace

TEST_CASE("zimcheck finds nothing wrong in an exported ZIM file") {
  ExportedZim f;
  CHECK(run({"zimcheck", "--all", "--details", f.out.string()}) == 0);
}

TEST_CASE("kiwix-serve serves an exported ZIM file and its search finds an article") {
  ExportedZim f;
  const int port = free_port();
  KiwixServe server(f.out, port);
  httplib::Client client("127.0.0.1", port);
  // kiwix-serve 3.3 names a book after its file and serves its pages at /BOOK/PATH.
  auto found = get_when_ready(client, "/search?content=kidwiki_fr&pattern=chasse");
  REQUIRE(found);
  CHECK(found->status == 200);
  CHECK(found->body.find("href=\"/kidwiki_fr/Lion\"") != std::string::npos);
  CHECK(found->body.find("href=\"/kidwiki_fr/_index\"") == std::string::npos);
  auto nothing = client.Get("/search?content=kidwiki_fr&pattern=CACHEE");
  REQUIRE(nothing);
  CHECK(nothing->body.find("href=\"/kidwiki_fr/Girafe\"") == std::string::npos);
  auto page = client.Get("/kidwiki_fr/Lion");
  REQUIRE(page);
  CHECK(page->status == 200);
  CHECK(page->body.find("grand félin") != std::string::npos);
}

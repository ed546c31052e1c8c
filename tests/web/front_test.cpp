// The front before httplib, against a real server: refusals arrive as whole answers and the
// connection closes; slow and idle clients hold no worker; keep-alive, pipelining, the connection
// limit and 100 Continue. Also the request-level guards that came with it: JSON numbers out of
// range, cross-site login, and the caching of anonymous article views.
#include <arpa/inet.h>
#include <doctest/doctest.h>
#include <fcntl.h>
#include <netinet/in.h>
#include <poll.h>
#include <sys/socket.h>
#include <unistd.h>

#include <cerrno>
#include <chrono>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <thread>
#include <vector>

#include "html_test_util.h"
#include "http/front/connection_reactor.h"
#include "test_server.h"

namespace {

using kidwiki::web::ServerOptions;
using kidwiki::web::testing::error_code_of;
using kidwiki::web::testing::has;
using kidwiki::web::testing::json_of;
using kidwiki::web::testing::page_msg;
using kidwiki::web::testing::TestServer;
namespace engine = kidwiki::engine;

// One HTTP answer as read from a raw connection.
struct Answer {
  int status = 0;
  std::map<std::string, std::string> headers;  // names in lower case
  std::string body;

  std::string header(const std::string& lower_name) const {
    const auto it = headers.find(lower_name);
    return it == headers.end() ? "" : it->second;
  }
};

Answer parse_head(std::string_view head) {
  Answer answer;
  REQUIRE(head.starts_with("HTTP/1."));
  answer.status = std::stoi(std::string(head.substr(9, 3)));
  std::size_t at = head.find("\r\n");
  while (at != std::string_view::npos) {
    const std::size_t next = head.find("\r\n", at + 2);
    const std::string_view line = head.substr(at + 2, next - at - 2);
    const std::size_t colon = line.find(':');
    if (colon != std::string_view::npos) {
      std::string name(line.substr(0, colon));
      for (char& c : name) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
      answer.headers[name] = std::string(line.substr(line.find_first_not_of(' ', colon + 1)));
    }
    at = next;
  }
  return answer;
}

// A TCP connection to the server written by hand, for what httplib::Client never sends. Reads
// wait at most 30 s, a guard against hangs only.
class Raw {
 public:
  explicit Raw(int port) {
    fd_ = ::socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0);
    sockaddr_in address{};
    address.sin_family = AF_INET;
    address.sin_port = htons(static_cast<std::uint16_t>(port));
    address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    REQUIRE(::connect(fd_, reinterpret_cast<sockaddr*>(&address), sizeof address) == 0);
    const timeval guard{30, 0};
    ::setsockopt(fd_, SOL_SOCKET, SO_RCVTIMEO, &guard, sizeof guard);
    ::setsockopt(fd_, SOL_SOCKET, SO_SNDTIMEO, &guard, sizeof guard);
  }
  ~Raw() { ::close(fd_); }
  Raw(const Raw&) = delete;
  Raw& operator=(const Raw&) = delete;

  int fd() const { return fd_; }

  bool send(std::string_view bytes) {
    while (!bytes.empty()) {
      const ssize_t sent = ::send(fd_, bytes.data(), bytes.size(), MSG_NOSIGNAL);
      if (sent < 0 && errno == EINTR) continue;
      if (sent <= 0) return false;
      bytes.remove_prefix(static_cast<std::size_t>(sent));
    }
    return true;
  }

  // The next answer (its body by Content-Length), or nothing when the connection ends first.
  std::optional<Answer> answer() {
    std::size_t end;
    while ((end = buffer_.find("\r\n\r\n")) == std::string::npos) {
      if (!fill()) return std::nullopt;
    }
    Answer answer = parse_head(std::string_view(buffer_).substr(0, end));
    buffer_.erase(0, end + 4);
    REQUIRE(answer.header("transfer-encoding").empty());
    const std::string length = answer.header("content-length");
    const std::size_t size = length.empty() ? 0 : std::stoul(length);
    while (buffer_.size() < size) {
      if (!fill()) return std::nullopt;
    }
    answer.body = buffer_.substr(0, size);
    buffer_.erase(0, size);
    return answer;
  }

  // Whether the server closes the connection with nothing more to read.
  bool ends() {
    if (!buffer_.empty()) return false;
    char byte;
    for (;;) {
      const ssize_t got = ::recv(fd_, &byte, 1, 0);
      if (got < 0 && errno == EINTR) continue;
      return got == 0 || (got < 0 && errno == ECONNRESET);
    }
  }

 private:
  bool fill() {
    char chunk[64 * 1024];
    for (;;) {
      const ssize_t got = ::recv(fd_, chunk, sizeof chunk, 0);
      if (got < 0 && errno == EINTR) continue;
      if (got <= 0) return false;
      buffer_.append(chunk, static_cast<std::size_t>(got));
      return true;
    }
  }

  int fd_ = -1;
  std::string buffer_;
};

std::string request(std::string_view line, std::string_view headers = "",
                    std::string_view body = "") {
  return std::string(line) + "\r\nHost: 127.0.0.1\r\n" + std::string(headers) + "\r\n" +
         std::string(body);
}

// A refusal written by the front: the status, a plain text, and the connection closing.
void check_refusal(Raw& raw, int status) {
  const auto answer = raw.answer();
  REQUIRE(answer);
  CHECK(answer->status == status);
  CHECK(answer->header("connection") == "close");
  CHECK(answer->header("content-type").starts_with("text/plain"));
  CHECK_FALSE(answer->body.empty());
  CHECK(raw.ends());
}

std::string many_headers(int count) {
  std::string out;
  for (int i = 0; i < count; ++i) out += "X-" + std::to_string(i) + ": v\r\n";
  return out;
}

}  // namespace

TEST_CASE("the front refuses bad framing with a whole answer, then closes" * doctest::timeout(60)) {
  TestServer server;
  struct Row {
    std::string name;
    std::string bytes;
    int status;
  };
  const std::vector<Row> rows = {
      {"Content-Length with Transfer-Encoding",
       request("POST /api/v1/render HTTP/1.1",
               "Content-Length: 5\r\nTransfer-Encoding: chunked\r\n", "0\r\n\r\n"),
       400},
      {"a malformed chunk size",
       request("POST /api/v1/render HTTP/1.1", "Transfer-Encoding: chunked\r\n", "zz\r\n"), 400},
      {"not HTTP", "HELLO\r\n\r\n", 400},
      // Only the head is sent: the answer must not wait for 50 GB.
      {"a declared 50 GB body",
       request("PUT /api/v1/fr/pages/Chat HTTP/1.1", "Content-Length: 50000000000\r\n"), 413},
      {"a target of 9000 bytes", request("GET /fr/wiki/" + std::string(9000, 'a') + " HTTP/1.1"),
       414},
      {"101 headers", request("GET /healthz HTTP/1.1", many_headers(100)), 431},
      {"40 KiB of headers",
       request("GET /healthz HTTP/1.1", "X-Big: " + std::string(40 * 1024, 'v') + "\r\n"), 431},
  };
  for (const auto& row : rows) {
    CAPTURE(row.name);
    Raw raw(server.port());
    REQUIRE(raw.send(row.bytes));
    check_refusal(raw, row.status);
  }
  auto res = server.anonymous().Get("/healthz");  // and the server goes on
  REQUIRE(res);
  CHECK(res->status == 200);
}

namespace {

// Sends a chunked body that never ends, 64 KiB a chunk, until an answer can be read or `most`
// bytes have gone. Returns how many were sent.
std::size_t send_until_answered(Raw& raw, std::size_t most) {
  const std::string chunk = "10000\r\n" + std::string(64 * 1024, 'b') + "\r\n";
  ::fcntl(raw.fd(), F_SETFL, ::fcntl(raw.fd(), F_GETFL) | O_NONBLOCK);
  std::size_t sent = 0;
  while (sent < most) {
    pollfd ready{raw.fd(), POLLIN | POLLOUT, 0};
    if (::poll(&ready, 1, 30000) <= 0) break;  // a hang guard only
    if (ready.revents & (POLLIN | POLLHUP | POLLERR)) break;
    const std::size_t at = sent % chunk.size();
    const ssize_t n = ::send(raw.fd(), chunk.data() + at, chunk.size() - at, MSG_NOSIGNAL);
    if (n < 0 && (errno == EAGAIN || errno == EINTR)) continue;
    if (n < 0) break;
    sent += static_cast<std::size_t>(n);
  }
  ::fcntl(raw.fd(), F_SETFL, ::fcntl(raw.fd(), F_GETFL) & ~O_NONBLOCK);
  return sent;
}

}  // namespace

TEST_CASE("a chunked body is answered 413 once it passes the limit, while it is sent" *
          doctest::timeout(120)) {
  TestServer server;
  Raw raw(server.port());
  REQUIRE(
      raw.send(request("PUT /api/v1/fr/pages/Chat HTTP/1.1", "Transfer-Encoding: chunked\r\n")));
  const std::size_t sent = send_until_answered(raw, std::size_t{1} << 30);
  CAPTURE(sent);
  // The answer came while the sender was still sending, after the 11 MiB limit and long before
  // the gigabyte it would have sent: the front reads no more than the limit and the socket
  // buffers.
  CHECK(sent > 7 * 1024 * 1024);
  CHECK(sent < 64 * 1024 * 1024);
  check_refusal(raw, 413);
}

TEST_CASE("unfinished requests beyond the buffer budget are answered 503" * doctest::timeout(60)) {
  ServerOptions options;
  options.buffer_budget_bytes = 64 * 1024;
  TestServer server(options);
  Raw raw(server.port());
  REQUIRE(raw.send(request("PUT /api/v1/fr/pages/Chat HTTP/1.1", "Content-Length: 1000000\r\n",
                           std::string(100 * 1024, 'b'))));
  const auto answer = raw.answer();
  REQUIRE(answer);
  CHECK(answer->status == 503);
  CHECK(std::stoi(answer->header("retry-after")) > 0);
  CHECK(raw.ends());
}

TEST_CASE("JSON numbers out of range are a 400 with a JSON error, never a 500") {
  TestServer server;
  struct Row {
    std::string path;
    std::string body;
  };
  const std::vector<Row> rows = {
      {"/api/v1/render", R"({"x":1e400})"},
      {"/api/v1/render", R"({"lang":"fr","markdown":"a","n":-1e400})"},
      {"/api/v1/session", R"({"username":"a","password":"b","n":1e999})"},
  };
  for (const auto& row : rows) {
    CAPTURE(row.path);
    CAPTURE(row.body);
    auto res = server.anonymous().Post(row.path, row.body, "application/json");
    REQUIRE(res);
    CHECK(res->status == 400);
    CHECK(res->get_header_value("Content-Type").starts_with("application/json"));
    CHECK(error_code_of(res) == "invalid_input");
    CHECK(json_of(res)["error"]["message"] ==
          kidwiki::i18n::Messages::builtin().format("en", "api-error-number-out-of-range"));
  }
}

TEST_CASE("slow clients hold no worker: 50 stalled requests, and two workers still answer" *
          doctest::timeout(60)) {
  ServerOptions options;
  options.threads = 2;
  TestServer server(options);
  std::vector<std::unique_ptr<Raw>> stalled;
  for (int i = 0; i < 50; ++i) {
    stalled.push_back(std::make_unique<Raw>(server.port()));
    // Half of them stop in the head, half in the body.
    const std::string bytes =
        i % 2 == 0 ? "GET /fr/wiki/Accueil HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Half: "
                   : request("POST /api/v1/render HTTP/1.1", "Content-Length: 100\r\n", "{\"la");
    REQUIRE(stalled.back()->send(bytes));
  }
  for (const char* path : {"/healthz", "/fr/wiki/Accueil", "/api/v1/editions"}) {
    CAPTURE(path);
    auto res = server.anonymous().Get(path);
    REQUIRE(res);
    CHECK(res->status == 200);
  }
}

TEST_CASE("after the head timeout: 408 for a request begun, a silent close otherwise" *
          doctest::timeout(60)) {
  ServerOptions options;
  options.read_timeout_seconds = 1;
  options.body_timeout_seconds = 1;
  options.keep_alive_timeout_seconds = 1;
  TestServer server(options);
  Raw silent(server.port());
  Raw half_head(server.port());
  Raw half_body(server.port());
  Raw kept_alive(server.port());
  REQUIRE(half_head.send("GET /healthz HTTP/1.1\r\nHo"));
  REQUIRE(half_body.send(request("POST /api/v1/render HTTP/1.1", "Content-Length: 10\r\n", "{")));
  REQUIRE(kept_alive.send(request("GET /healthz HTTP/1.1")));
  const auto first = kept_alive.answer();
  REQUIRE(first);
  CHECK(first->status == 200);

  CHECK(silent.ends());
  check_refusal(half_head, 408);
  check_refusal(half_body, 408);
  CHECK(kept_alive.ends());  // idle between requests: closed without an answer
}

TEST_CASE("keep-alive: requests on one connection are answered one after the other, in order" *
          doctest::timeout(60)) {
  TestServer server;
  Raw raw(server.port());
  for (int i = 0; i < 2; ++i) {
    REQUIRE(raw.send(request("GET /healthz HTTP/1.1")));
    const auto answer = raw.answer();
    REQUIRE(answer);
    CHECK(answer->status == 200);
    CHECK(answer->body == "ok");
  }
  // Pipelined: all in one write, the last one closing the connection.
  REQUIRE(raw.send(request("GET /api/v1/editions HTTP/1.1") +
                   request("POST /api/v1/editions HTTP/1.1", "Content-Length: 2\r\n", "{}") +
                   request("GET /api/v1/nothing-here HTTP/1.1") +
                   request("GET /healthz HTTP/1.1", "Connection: close\r\n")));
  const std::vector<int> statuses = {200, 405, 404, 200};
  for (const int status : statuses) {
    const auto answer = raw.answer();
    REQUIRE(answer);
    CHECK(answer->status == status);
  }
  CHECK(raw.ends());
}

TEST_CASE("a connection closes after an HTTP/1.0 request, or after keep_alive_max_count" *
          doctest::timeout(60)) {
  ServerOptions options;
  options.keep_alive_max_count = 2;
  TestServer server(options);
  Raw old(server.port());
  REQUIRE(old.send(request("GET /healthz HTTP/1.0")));
  const auto answer = old.answer();
  REQUIRE(answer);
  CHECK(answer->status == 200);
  CHECK(old.ends());

  Raw busy(server.port());
  REQUIRE(busy.send(request("GET /healthz HTTP/1.1") + request("GET /healthz HTTP/1.1") +
                    request("GET /healthz HTTP/1.1")));
  for (const char* connection : {"", "close"}) {
    const auto next = busy.answer();
    REQUIRE(next);
    CHECK(next->status == 200);
    if (*connection) CHECK(next->header("connection") == connection);
  }
  CHECK(busy.ends());  // the third request is not answered
}

TEST_CASE("one connection beyond max_connections is answered 503 with Retry-After" *
          doctest::timeout(60)) {
  ServerOptions options;
  options.max_connections = 20;
  TestServer server(options);
  std::vector<std::unique_ptr<Raw>> open;
  for (int i = 0; i < 20; ++i) open.push_back(std::make_unique<Raw>(server.port()));
  Raw one_more(server.port());
  const auto answer = one_more.answer();
  REQUIRE(answer);
  CHECK(answer->status == 503);
  CHECK(std::stoi(answer->header("retry-after")) > 0);
  CHECK(one_more.ends());

  // Their places free again once they close (the front sees each close in its own time).
  open.clear();
  int status = 0;
  for (int attempt = 0; attempt < 200 && status != 200; ++attempt) {
    if (attempt > 0) std::this_thread::sleep_for(std::chrono::milliseconds(20));
    auto res = server.anonymous().Get("/healthz");
    status = res ? res->status : 0;
  }
  CHECK(status == 200);
}

TEST_CASE("Expect: 100-continue gets 100 Continue before the body, unless the head is refused" *
          doctest::timeout(60)) {
  TestServer server;
  const std::string body = R"({"username":"Nobody","password":"wrong"})";
  Raw raw(server.port());
  REQUIRE(raw.send(request("POST /api/v1/session HTTP/1.1",
                           "Content-Type: application/json\r\nExpect: 100-continue\r\n"
                           "Content-Length: " +
                               std::to_string(body.size()) + "\r\n")));
  const auto go_on = raw.answer();
  REQUIRE(go_on);
  CHECK(go_on->status == 100);
  REQUIRE(raw.send(body));
  const auto answer = raw.answer();
  REQUIRE(answer);
  CHECK(answer->status == 401);  // the request itself, read whole: a wrong login

  Raw too_large(server.port());
  REQUIRE(too_large.send(request("PUT /api/v1/fr/pages/Chat HTTP/1.1",
                                 "Expect: 100-continue\r\nContent-Length: 50000000000\r\n")));
  check_refusal(too_large, 413);
}

namespace {

constexpr const char* kPassword = "tigre-lampe-42";

struct OriginRow {
  std::string origin;
  std::string referer;
  bool allowed;
};

// Origin and Referer as browsers send them from another site or this one (the server at `port`),
// and whether login accepts them.
std::vector<OriginRow> origin_rows(int port) {
  const std::string self = "http://127.0.0.1:" + std::to_string(port);
  return {
      {"https://evil.example", "", false},
      {"", "https://evil.example/fr/special/login", false},
      {"null", "", false},
      {"http://127.0.0.1:1", "", false},
      {self + ".evil.example", "", false},
      {"http://evil.example@127.0.0.1:" + std::to_string(port), "", false},
      {"https://evil.example", self + "/fr/special/login", false},  // Origin speaks first
      {self, "", true},
      {"", self + "/fr/special/login?returnto=x", true},
      {"", "", true},  // a program, not a browser
  };
}

httplib::Headers origin_headers(const OriginRow& row) {
  httplib::Headers headers;
  if (!row.origin.empty()) headers.emplace("Origin", row.origin);
  if (!row.referer.empty()) headers.emplace("Referer", row.referer);
  return headers;
}

}  // namespace

TEST_CASE("login refuses a form or a JSON login posted from another site with 403") {
  TestServer server;
  REQUIRE(server.wiki()
              .accounts()
              .create_user(TestServer::console(), "Léa", kPassword, engine::Role::pupil)
              .ok());
  for (const auto& row : origin_rows(server.port())) {
    CAPTURE(row.origin);
    CAPTURE(row.referer);
    const httplib::MultipartFormDataItems form = {{"wpName", "Léa", "", ""},
                                                  {"wpPassword", kPassword, "", ""}};
    auto html = server.anonymous().Post("/fr/special/login", origin_headers(row), form);
    REQUIRE(html);
    CHECK(html->status == (row.allowed ? 303 : 403));
    CHECK(html->has_header("Set-Cookie") == row.allowed);
    if (!row.allowed) CHECK(has(html->body, page_msg("fr", "login-error-cross-site")));

    const nlohmann::json body = {{"username", "Léa"}, {"password", kPassword}};
    auto api = server.anonymous().Post("/api/v1/session", origin_headers(row), body.dump(),
                                       "application/json");
    REQUIRE(api);
    CHECK(api->status == (row.allowed ? 200 : 403));
    if (!row.allowed) CHECK(error_code_of(api) == "cross_site");
  }
}

TEST_CASE("a cross-site check comes before the password check: a wrong one is still 403") {
  TestServer server;
  const httplib::MultipartFormDataItems form = {{"wpName", "Nobody", "", ""},
                                                {"wpPassword", "wrong", "", ""}};
  auto res =
      server.anonymous().Post("/fr/special/login", {{"Origin", "https://evil.example"}}, form);
  REQUIRE(res);
  CHECK(res->status == 403);
  auto same = server.anonymous().Post(
      "/fr/special/login", {{"Origin", "http://127.0.0.1:" + std::to_string(server.port())}}, form);
  REQUIRE(same);
  CHECK(same->status == 401);
}

namespace {

httplib::Result get(httplib::Client& client, const std::string& path,
                    const httplib::Headers& headers = {}) {
  auto res = client.Get(path, headers);
  REQUIRE(res);
  return res;
}

}  // namespace

TEST_CASE("an anonymous article carries an ETag and public caching, and answers 304 to it") {
  TestServer server;
  server.save("en", "Tag_test", "Tags are names for bytes.");
  auto first = get(server.anonymous(), "/en/wiki/Tag_test");
  CHECK(first->status == 200);
  const std::string tag = first->get_header_value("ETag");
  CHECK(tag.starts_with("\""));
  CHECK(tag.size() > 2);
  CHECK(first->get_header_value("Cache-Control") == "public, max-age=0, s-maxage=1");

  struct Row {
    std::string if_none_match;
    int status;
  };
  const std::vector<Row> rows = {
      {tag, 304}, {"W/" + tag, 304}, {"\"other\", " + tag, 304}, {"*", 304}, {"\"other\"", 200},
  };
  for (const auto& row : rows) {
    CAPTURE(row.if_none_match);
    auto res = get(server.anonymous(), "/en/wiki/Tag_test", {{"If-None-Match", row.if_none_match}});
    CHECK(res->status == row.status);
    CHECK(res->get_header_value("ETag") == tag);
    CHECK(res->get_header_value("Cache-Control") == "public, max-age=0, s-maxage=1");
    CHECK(res->body == (row.status == 304 ? "" : first->body));
  }
}

TEST_CASE("an article's tag follows its bytes: kept across a rebuild, changed by an edit") {
  TestServer server;
  const auto rev = server.save("en", "Tag_test", "First words.");
  const std::string tag = get(server.anonymous(), "/en/wiki/Tag_test")->get_header_value("ETag");
  // Another page's save empties the view cache: the page is built again, to the same bytes.
  server.save("en", "Elsewhere", "Unrelated.");
  auto rebuilt = get(server.anonymous(), "/en/wiki/Tag_test", {{"If-None-Match", tag}});
  CHECK(rebuilt->status == 304);
  CHECK(rebuilt->get_header_value("ETag") == tag);

  server.save("en", "Tag_test", "Second words.", rev);
  auto changed = get(server.anonymous(), "/en/wiki/Tag_test", {{"If-None-Match", tag}});
  CHECK(changed->status == 200);
  CHECK(has(changed->body, "Second words."));
  CHECK(changed->get_header_value("ETag") != tag);
  CHECK(get(server.anonymous(), "/en/wiki/Tag_test?uselang=qqx")->get_header_value("ETag") !=
        changed->get_header_value("ETag"));
}

TEST_CASE("a logged-in article view is no-store and never a 304 for the anonymous page's tag") {
  TestServer server;
  server.save("en", "Tag_test", "Words.");
  auto anonymous = get(server.anonymous(), "/en/wiki/Tag_test");
  const std::string tag = anonymous->get_header_value("ETag");
  REQUIRE_FALSE(tag.empty());
  for (const char* if_none_match : {"", "*"}) {
    CAPTURE(if_none_match);
    httplib::Headers headers;
    headers.emplace("If-None-Match", *if_none_match ? if_none_match : tag.c_str());
    auto mine = get(server.client(), "/en/wiki/Tag_test", headers);
    CHECK(mine->status == 200);
    CHECK(mine->get_header_value("Cache-Control") == "no-store");
    CHECK_FALSE(mine->has_header("ETag"));
    CHECK(has(mine->body, page_msg("en", "login-logged-in-as", {{"name", "Editor"}})));
  }
  // And the anonymous page is as it was: the logged-in view went to no cache.
  auto again = get(server.anonymous(), "/en/wiki/Tag_test");
  CHECK(again->get_header_value("ETag") == tag);
  CHECK(again->body == anonymous->body);
}

TEST_CASE("an article's interface language comes from its address, never from Accept-Language") {
  TestServer server;
  struct Row {
    std::string path;
    std::string accept_language;
    std::string lang;
  };
  const std::vector<Row> rows = {
      {"/en/wiki/Main_Page", "", "en"},
      {"/en/wiki/Main_Page", "fr-CH, fr;q=0.9", "en"},
      {"/en/wiki/Main_Page?uselang=fr", "en", "fr"},
      {"/fr/wiki/Accueil", "en", "fr"},
  };
  for (const auto& row : rows) {
    CAPTURE(row.path);
    CAPTURE(row.accept_language);
    httplib::Headers headers;
    if (!row.accept_language.empty()) headers.emplace("Accept-Language", row.accept_language);
    auto res = get(server.anonymous(), row.path, headers);
    CHECK(res->status == 200);
    CHECK(has(res->body, page_msg(row.lang, "login-link")));
    CHECK_FALSE(res->has_header("Vary"));
  }
  // The same bytes whatever the header says, so that one cached copy serves everyone.
  CHECK(get(server.anonymous(), "/en/wiki/Main_Page")->body ==
        get(server.anonymous(), "/en/wiki/Main_Page", {{"Accept-Language", "fr"}})->body);
}

namespace {

// Writes into `sock` until its send buffer is full, as the answers to a client that stopped
// reading would leave it.
void fill_send_buffer(int sock) {
  ::fcntl(sock, F_SETFL, ::fcntl(sock, F_GETFL) | O_NONBLOCK);
  const std::string block(4096, 'x');
  while (::send(sock, block.data(), block.size(), MSG_NOSIGNAL) > 0) {
  }
}

// Waits (a hang guard of 30 s, not a measure) until the reactor holds `count` connections.
bool reaches(const kidwiki::web::ConnectionReactor& reactor, std::size_t count) {
  for (int i = 0; i < 1500 && reactor.connection_count() != count; ++i) {
    std::this_thread::sleep_for(std::chrono::milliseconds(20));
  }
  return reactor.connection_count() == count;
}

}  // namespace

TEST_CASE("a refusal the client never reads does not hold its connection forever" *
          doctest::timeout(60)) {
  kidwiki::web::FrontOptions options;
  options.head_timeout_seconds = 3600;  // only the refusal's own deadline may end it
  kidwiki::web::ConnectionReactor reactor(
      options, [](kidwiki::web::HeldConnection held, std::string, bool) { ::close(held.sock); },
      [](int) { return std::string("refused\n"); });
  int ends[2];
  REQUIRE(::socketpair(AF_UNIX, SOCK_STREAM | SOCK_CLOEXEC, 0, ends) == 0);
  fill_send_buffer(ends[0]);
  reactor.adopt(ends[0]);
  REQUIRE(reaches(reactor, 1));
  REQUIRE(::send(ends[1], "HELLO\r\n\r\n", 9, MSG_NOSIGNAL) == 9);  // refused: 400
  // Its answer cannot be written; after the lingering time the connection goes all the same,
  // or a client could hold max_connections places by never reading.
  CHECK(reaches(reactor, 0));
  ::close(ends[1]);
}

// RequestFraming, the strict reading of one request before kidwiki sees it: every refusal (400,
// 413, 414, 431) and every accepted form, whole and one byte at a time; pipelined requests; a
// fuzz test of mutated requests fed in random slices; and long but legal inputs.
#include "http/front/request_framing.h"

#include <doctest/doctest.h>

#include <algorithm>
#include <cctype>
#include <cstddef>
#include <cstdio>
#include <random>
#include <string>
#include <string_view>
#include <vector>

namespace {

using kidwiki::web::FramingLimits;
using kidwiki::web::RequestFraming;
using State = RequestFraming::State;

constexpr std::size_t kMiB = 1024 * 1024;

// What a framing ends in after some input.
struct Outcome {
  State state = State::reading;
  int status = 0;
  std::size_t used = 0;    // bytes that belonged to the request
  std::string normalized;  // when complete
  bool keep_alive = false;
  bool expects_continue = false;
};

Outcome outcome_of(const RequestFraming& framing, std::size_t used) {
  Outcome out{framing.state(),      framing.refusal_status(),  used, "",
              framing.keep_alive(), framing.expects_continue()};
  if (out.state == State::complete) out.normalized = framing.normalized();
  return out;
}

// Feeds `input` in slices of `step` bytes until the request ends (or the input does).
Outcome feed_in_steps(std::string_view input, std::size_t step, const FramingLimits& limits = {}) {
  RequestFraming framing(limits);
  std::size_t used = 0;
  for (std::size_t at = 0; at < input.size() && framing.state() == State::reading; at += step) {
    used += framing.feed(input.substr(at, step));
  }
  return outcome_of(framing, used);
}

Outcome feed_whole(std::string_view input, const FramingLimits& limits = {}) {
  return feed_in_steps(input, input.size() + 1, limits);
}

std::string head(std::string_view first_line, std::string_view headers) {
  return std::string(first_line) + "\r\nHost: kidwiki.test\r\n" + std::string(headers) + "\r\n";
}

// `count` headers "X-Nnn: vvv", each `value_bytes` long.
std::string many_headers(std::size_t count, std::size_t value_bytes) {
  std::string out;
  for (std::size_t i = 0; i < count; ++i) {
    std::string name = "X-" + std::to_string(1000 + i);
    out += name + ": " + std::string(value_bytes, 'v') + "\r\n";
  }
  return out;
}

// A chunked body: `total` bytes of 'b' in chunks of `chunk` bytes, then the last chunk.
std::string chunked(std::size_t total, std::size_t chunk) {
  std::string out;
  char size[32];
  for (std::size_t sent = 0; sent < total; sent += chunk) {
    const std::size_t n = std::min(chunk, total - sent);
    std::snprintf(size, sizeof size, "%zx\r\n", n);
    out += size;
    out.append(n, 'b');
    out += "\r\n";
  }
  return out + "0\r\n\r\n";
}

const std::string kChunkedHead =
    head("POST /api/v1/render HTTP/1.1", "Transfer-Encoding: chunked\r\n");

struct Refusal {
  std::string name;
  std::string input;
  int status;
};

std::vector<Refusal> refusals() {
  const std::string long_target = "/" + std::string(8192, 'a');  // 8193 bytes
  return {
      {"a target over 8192 bytes", head("GET " + long_target + " HTTP/1.1", ""), 414},
      {"101 headers", head("GET / HTTP/1.1", many_headers(100, 4)), 431},
      {"headers over 32 KiB",
       head("GET / HTTP/1.1", "X-Big: " + std::string(32 * 1024, 'v') + "\r\n"), 431},
      {"a declared body over 7 MiB",
       head("POST / HTTP/1.1", "Content-Length: " + std::to_string(7 * kMiB + 1) + "\r\n"), 413},
      {"a declared body of 50 GB", head("POST / HTTP/1.1", "Content-Length: 50000000000\r\n"), 413},
      {"a chunked body over 7 MiB", kChunkedHead + chunked(7 * kMiB + 1, 64 * 1024), 413},
      {"Content-Length with Transfer-Encoding",
       head("POST / HTTP/1.1", "Content-Length: 5\r\nTransfer-Encoding: chunked\r\n") + "0\r\n\r\n",
       400},
      {"Transfer-Encoding with Content-Length",
       head("POST / HTTP/1.1", "Transfer-Encoding: chunked\r\nContent-Length: 5\r\n") + "0\r\n\r\n",
       400},
      {"two different Content-Lengths",
       head("POST / HTTP/1.1", "Content-Length: 5\r\nContent-Length: 6\r\n") + "hello!", 400},
      {"Content-Length +5", head("POST / HTTP/1.1", "Content-Length: +5\r\n") + "hello", 400},
      {"Content-Length 5abc", head("POST / HTTP/1.1", "Content-Length: 5abc\r\n") + "hello", 400},
      {"Content-Length -5", head("POST / HTTP/1.1", "Content-Length: -5\r\n"), 400},
      {"Content-Length 5 5", head("POST / HTTP/1.1", "Content-Length: 5 5\r\n") + "hello", 400},
      {"a Content-Length past 64 bits",
       head("POST / HTTP/1.1", "Content-Length: 99999999999999999999999\r\n"), 400},
      {"trailers over 32 KiB",
       kChunkedHead + "0\r\nX-Big: " + std::string(32 * 1024, 'v') + "\r\n\r\n", 431},
      {"a negative chunk size", kChunkedHead + "-5\r\nhello\r\n0\r\n\r\n", 400},
      {"a malformed chunk size", kChunkedHead + "zz\r\nhello\r\n0\r\n\r\n", 400},
      {"a chunk size past 64 bits", kChunkedHead + "fffffffffffffffff\r\nhello\r\n0\r\n\r\n", 400},
      {"a chunk longer than its size", kChunkedHead + "2\r\nhello\r\n0\r\n\r\n", 400},
      {"a transfer coding other than chunked",
       head("POST / HTTP/1.1", "Transfer-Encoding: gzip\r\n") + "hello", 400},
      {"not HTTP", "HELLO THERE\r\n\r\n", 400},
      {"a space in a header name", head("GET / HTTP/1.1", "Bad Name: x\r\n"), 400},
      // A lenient proxy may read this as a length, so it must not frame a body-less request here.
      {"a space before the colon", head("POST / HTTP/1.1", "Content-Length : 5\r\n") + "hello",
       400},
      {"a bare CR in a header value", head("GET / HTTP/1.1", "X-A: a\rb\r\n"), 400},
      {"a NUL in a header value", head("GET / HTTP/1.1", std::string("X-A: a\0b\r\n", 10)), 400},
  };
}

struct Accepted {
  std::string name;
  std::string input;
  std::string normalized;
  bool keep_alive;
  bool expects_continue = false;
};

std::vector<Accepted> accepted() {
  const std::string host = "Host: kidwiki.test\r\n";
  return {
      {"a plain GET", head("GET /fr/wiki/Chat?x=1 HTTP/1.1", ""),
       "GET /fr/wiki/Chat?x=1 HTTP/1.1\r\n" + host + "Content-Length: 0\r\n\r\n", true},
      {"a POST with Content-Length",
       head("POST /api/v1/render HTTP/1.1", "Content-Type: text/plain\r\nContent-Length: 5\r\n") +
           "hello",
       "POST /api/v1/render HTTP/1.1\r\n" + host +
           "Content-Type: text/plain\r\nContent-Length: 5\r\n\r\nhello",
       true},
      {"a chunked POST, decoded",
       kChunkedHead + "5;name=value\r\nhello\r\n6\r\n world\r\n0\r\n\r\n",
       "POST /api/v1/render HTTP/1.1\r\n" + host + "Content-Length: 11\r\n\r\nhello world", true},
      // Trailer fields are not merged into the head: a proxy may not have checked them.
      {"trailers after a chunked body, dropped",
       kChunkedHead + "2\r\nhi\r\n0\r\nHost: evil\r\nX-Forwarded-For: 6.6.6.6\r\n\r\n",
       "POST /api/v1/render HTTP/1.1\r\n" + host + "Content-Length: 2\r\n\r\nhi", true},
      {"a body-less POST", head("POST /x HTTP/1.1", ""),
       "POST /x HTTP/1.1\r\n" + host + "Content-Length: 0\r\n\r\n", true},
      {"a body-less PATCH", head("PATCH /x HTTP/1.1", ""),
       "PATCH /x HTTP/1.1\r\n" + host + "Content-Length: 0\r\n\r\n", true},
      {"a body-less DELETE", head("DELETE /x HTTP/1.1", ""),
       "DELETE /x HTTP/1.1\r\n" + host + "Content-Length: 0\r\n\r\n", true},
      {"HTTP/1.0", head("GET / HTTP/1.0", ""),
       "GET / HTTP/1.0\r\n" + host + "Content-Length: 0\r\n\r\n", false},
      {"HTTP/1.0 with keep-alive", head("GET / HTTP/1.0", "Connection: keep-alive\r\n"),
       "GET / HTTP/1.0\r\n" + host + "Connection: keep-alive\r\nContent-Length: 0\r\n\r\n", true},
      {"Connection: close", head("GET / HTTP/1.1", "Connection: close\r\n"),
       "GET / HTTP/1.1\r\n" + host + "Connection: close\r\nContent-Length: 0\r\n\r\n", false},
      {"Expect: 100-continue",
       head("PUT /x HTTP/1.1", "Expect: 100-continue\r\nContent-Length: 2\r\n") + "ok",
       "PUT /x HTTP/1.1\r\n" + host + "Content-Length: 2\r\n\r\nok", true, true},
      {"an empty header value", head("GET / HTTP/1.1", "X-Empty:\r\nX-Next: n\r\n"),
       "GET / HTTP/1.1\r\n" + host + "X-Empty: \r\nX-Next: n\r\nContent-Length: 0\r\n\r\n", true},
      {"a target of exactly 8192 bytes", head("GET /" + std::string(8191, 'a') + " HTTP/1.1", ""),
       "GET /" + std::string(8191, 'a') + " HTTP/1.1\r\n" + host + "Content-Length: 0\r\n\r\n",
       true},
  };
}

}  // namespace

TEST_CASE("framing refuses each ambiguous or oversized request with its status" *
          doctest::timeout(120)) {
  for (const auto& row : refusals()) {
    CAPTURE(row.name);
    const Outcome whole = feed_whole(row.input);
    CHECK(whole.state == State::refused);
    CHECK(whole.status == row.status);
    CHECK_FALSE(whole.keep_alive);
    // The same refusal however the bytes arrive (the 7 MiB one in slices, for the time it takes).
    const Outcome slow = feed_in_steps(row.input, row.input.size() > kMiB ? 4093 : 1);
    CHECK(slow.state == State::refused);
    CHECK(slow.status == row.status);
  }
}

TEST_CASE("a declared body over the limit is refused from the head, before any of it") {
  RequestFraming framing(FramingLimits{});
  const std::string request =
      head("PUT /x HTTP/1.1", "Expect: 100-continue\r\nContent-Length: 50000000000\r\n");
  CHECK(framing.feed(request) <= request.size());
  CHECK(framing.state() == State::refused);
  CHECK(framing.refusal_status() == 413);
}

TEST_CASE("a chunked body is refused as soon as it passes the limit") {
  FramingLimits limits;
  limits.max_body_bytes = 1000;
  RequestFraming framing(limits);
  framing.feed(kChunkedHead + "3e8\r\n" + std::string(1000, 'b') + "\r\n");
  REQUIRE(framing.state() == State::reading);  // exactly the limit is allowed
  framing.feed("1\r\nb");
  CHECK(framing.state() == State::refused);
  CHECK(framing.refusal_status() == 413);
}

TEST_CASE("framing accepts the ordinary forms and normalizes them to one Content-Length" *
          doctest::timeout(60)) {
  for (const auto& row : accepted()) {
    CAPTURE(row.name);
    for (const std::size_t step : {row.input.size(), std::size_t{1}, std::size_t{7}}) {
      CAPTURE(step);
      const Outcome out = feed_in_steps(row.input, step);
      REQUIRE(out.state == State::complete);
      CHECK(out.used == row.input.size());
      CHECK(out.normalized == row.normalized);
      CHECK(out.keep_alive == row.keep_alive);
      CHECK(out.expects_continue == row.expects_continue);
    }
  }
}

TEST_CASE("limits are inclusive: 100 headers and 32 KiB of header bytes pass") {
  // Host is the first header: 4 + 11 bytes of name and value.
  const std::size_t room = 32 * 1024 - std::string_view("Hostkidwiki.test").size();
  const std::string big = "X-Big: " + std::string(room - 5, 'v') + "\r\n";
  CHECK(feed_whole(head("GET / HTTP/1.1", big)).state == State::complete);
  CHECK(feed_whole(head("GET / HTTP/1.1", many_headers(99, 4))).state == State::complete);
  const std::string exact_body = "Content-Length: " + std::to_string(7 * kMiB) + "\r\n";
  CHECK(feed_whole(head("POST / HTTP/1.1", exact_body) + std::string(7 * kMiB, 'b')).state ==
        State::complete);
}

TEST_CASE("Expect: 100-continue is known once the head has arrived, before the body") {
  RequestFraming framing(FramingLimits{});
  const std::string request =
      head("PUT /x HTTP/1.1", "Expect: 100-continue\r\nContent-Length: 5\r\n");
  CHECK(framing.feed(request.substr(0, request.size() - 1)) == request.size() - 1);
  CHECK_FALSE(framing.head_complete());
  framing.feed(request.substr(request.size() - 1));
  CHECK(framing.head_complete());
  CHECK(framing.expects_continue());
  CHECK(framing.state() == State::reading);
  framing.feed("hello");
  REQUIRE(framing.state() == State::complete);
  CHECK(framing.normalized().find("Expect") == std::string::npos);
}

TEST_CASE("pipelined requests: feed() takes only the first one's bytes") {
  const std::string first = head("POST /a HTTP/1.1", "Content-Length: 3\r\n") + "abc";
  const std::string second = head("GET /b HTTP/1.1", "");
  const std::string third = kChunkedHead + "2\r\nhi\r\n0\r\n\r\n";
  const std::string all = first + second + third;
  RequestFraming framing(FramingLimits{});
  std::size_t at = framing.feed(all);
  CHECK(at == first.size());
  REQUIRE(framing.state() == State::complete);
  CHECK(framing.normalized().ends_with("Content-Length: 3\r\n\r\nabc"));
  CHECK(framing.feed("more") == 0);  // nothing more until reset()

  framing.reset();
  CHECK(framing.idle());
  CHECK(framing.buffered_bytes() == 0);
  at += framing.feed(std::string_view(all).substr(at));
  CHECK(at == first.size() + second.size());
  REQUIRE(framing.state() == State::complete);
  CHECK(framing.normalized().starts_with("GET /b HTTP/1.1\r\n"));

  framing.reset();
  at += framing.feed(std::string_view(all).substr(at));
  CHECK(at == all.size());
  REQUIRE(framing.state() == State::complete);
  CHECK(framing.normalized().ends_with("Content-Length: 2\r\n\r\nhi"));
}

TEST_CASE("a request cut in the middle is refused at the end of input; an idle one is not") {
  struct Row {
    const char* name;
    std::string input;
    State state;
    int status;
  };
  const std::vector<Row> rows = {
      {"nothing", "", State::reading, 0},
      {"blank lines only", "\r\n\r\n", State::reading, 0},
      {"half a request line", "GET /fr/wi", State::refused, 400},
      {"half a head", "GET / HTTP/1.1\r\nHost: a\r\n", State::refused, 400},
      {"half a body", head("POST / HTTP/1.1", "Content-Length: 10\r\n") + "hello", State::refused,
       400},
      {"half a chunked body", kChunkedHead + "5\r\nhel", State::refused, 400},
  };
  for (const auto& row : rows) {
    CAPTURE(row.name);
    RequestFraming framing(FramingLimits{});
    framing.feed(row.input);
    CHECK(framing.idle() == (row.state == State::reading));
    framing.end_of_input();
    CHECK(framing.state() == row.state);
    CHECK(framing.refusal_status() == row.status);
  }
}

namespace {

// Small limits, so that random inputs reach each of them.
FramingLimits fuzz_limits() {
  FramingLimits limits;
  limits.max_target_bytes = 64;
  limits.max_header_count = 8;
  limits.max_header_bytes = 256;
  limits.max_body_bytes = 512;
  return limits;
}

std::vector<std::string> fuzz_seeds() {
  return {
      head("GET /fr/wiki/Chat HTTP/1.1", "Accept: */*\r\n"),
      head("POST /api/v1/render HTTP/1.1", "Content-Length: 11\r\n") + "hello world",
      kChunkedHead + "5\r\nhello\r\n6;x=y\r\n world\r\n0\r\nX-Trailer: t\r\n\r\n",
      head("PUT /x HTTP/1.0",
           "Connection: keep-alive\r\nExpect: 100-continue\r\nContent-Length: 2\r\n") +
          "ok",
      head("DELETE /api/v1/session HTTP/1.1", "Cookie: a=b\r\n") + head("GET / HTTP/1.1", ""),
  };
}

// Pieces that make framing interesting when spliced in.
const std::vector<std::string> kSplices = {
    "Content-Length: 5\r\n",
    "Transfer-Encoding: chunked\r\n",
    "Content-Length: +5\r\n",
    "Content-Length: 99999999999\r\n",
    "\r\n",
    "\n",
    "\r",
    " ",
    ":",
    "0\r\n\r\n",
    "-1\r\n",
    "ffffffff\r\n",
    "Expect: 100-continue\r\n",
    "HTTP/1.1",
    std::string(1, '\0'),
    "\x80\xff",
    "GET / HTTP/1.1\r\n\r\n",
    std::string(70, 'a'),
};

std::string mutated(std::string text, std::mt19937& random) {
  const int mutations = 1 + static_cast<int>(random() % 4);
  for (int i = 0; i < mutations; ++i) {
    const std::size_t at = text.empty() ? 0 : random() % (text.size() + 1);
    switch (random() % 6) {
      case 0:
        if (at < text.size()) text[at] = static_cast<char>(random());
        break;
      case 1:
        text.insert(at, 1, static_cast<char>(random()));
        break;
      case 2:
        text.erase(at, random() % 16);
        break;
      case 3:
        text.insert(at, kSplices[random() % kSplices.size()]);
        break;
      case 4:
        text.insert(at, text.substr(at, random() % 32));
        break;
      case 5:
        text.resize(at);
        break;
    }
  }
  return text;
}

std::string random_bytes(std::mt19937& random) {
  std::string text(random() % 200, '\0');
  for (char& c : text) c = static_cast<char>(random());
  return text;
}

// A complete request's normalized form: one request line, at most the header limit, exactly one
// framing header (the last, "Content-Length: N") and then N bytes of body.
void check_normalized(const RequestFraming& framing, const FramingLimits& limits) {
  const std::string text = framing.normalized();
  const std::size_t end = text.find("\r\n\r\n");
  REQUIRE(end != std::string::npos);
  const std::string head_part = text.substr(0, end + 2);
  const std::string body = text.substr(end + 4);
  CHECK(head_part.ends_with("\r\nContent-Length: " + std::to_string(body.size()) + "\r\n"));
  CHECK(body.size() <= limits.max_body_bytes);
  std::size_t lines = 0;
  std::size_t framing_lines = 0;
  for (std::size_t at = 0; at < head_part.size(); ++lines) {
    const std::size_t next = head_part.find("\r\n", at);
    const std::string line = head_part.substr(at, next - at);
    CHECK(line.find_first_of("\r\n") == std::string::npos);
    for (const char* name : {"content-length:", "transfer-encoding:", "expect:"}) {
      std::string lower = line.substr(0, std::string_view(name).size());
      for (char& c : lower) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
      if (lower == name) ++framing_lines;
    }
    at = next + 2;
  }
  CHECK(framing_lines == 1);
  CHECK(lines <= 1 + limits.max_header_count + 1);
}

// Every state a framing may be in after a feed, and the bytes it holds.
void check_consistent(const RequestFraming& framing, const FramingLimits& limits) {
  const std::size_t most =
      limits.max_target_bytes + limits.max_header_bytes + limits.max_body_bytes + 16;
  CHECK(framing.buffered_bytes() <= most);
  switch (framing.state()) {
    case State::refused: {
      const int status = framing.refusal_status();
      CHECK((status == 400 || status == 413 || status == 414 || status == 431));
      CHECK_FALSE(framing.keep_alive());
      break;
    }
    case State::complete:
      check_normalized(framing, limits);
      break;
    case State::reading:
      CHECK(framing.refusal_status() == 0);
      break;
  }
}

// Feeds `input` in random slices, as a connection would: each complete request is checked and
// the framing reset for the next; stops at a refusal. Returns the framing's last state.
State run_connection(const std::string& input, std::mt19937& random) {
  const FramingLimits limits = fuzz_limits();
  RequestFraming framing(limits);
  std::string_view rest = input;
  while (!rest.empty()) {
    const std::string_view slice = rest.substr(0, 1 + random() % 48);
    const std::size_t used = framing.feed(slice);
    REQUIRE(used <= slice.size());
    check_consistent(framing, limits);
    if (framing.state() == State::refused) return State::refused;
    if (framing.state() == State::reading) REQUIRE(used == slice.size());
    if (framing.state() == State::complete) framing.reset();
    rest.remove_prefix(used);
  }
  framing.end_of_input();
  check_consistent(framing, limits);
  return framing.state();
}

}  // namespace

TEST_CASE("random mutations of requests, fed in random slices, end in a consistent state" *
          doctest::timeout(120)) {
  std::mt19937 random(20240611);
  const auto seeds = fuzz_seeds();
  int refused = 0;
  int accepted = 0;
  for (int i = 0; i < 30000; ++i) {
    const std::string input =
        i % 10 == 9 ? random_bytes(random) : mutated(seeds[random() % seeds.size()], random);
    CAPTURE(input);
    const State end = run_connection(input, random);
    (end == State::refused ? refused : accepted) += 1;
  }
  // Both outcomes were reached, so the checks above saw both.
  CHECK(refused > 1000);
  CHECK(accepted > 1000);
}

TEST_CASE("long but legal inputs complete" * doctest::timeout(300)) {
  SUBCASE("a 7 MiB body in chunks of one byte") {
    std::string input = kChunkedHead + chunked(7 * kMiB, 1);
    const Outcome out = feed_in_steps(input, 64 * 1024);
    REQUIRE(out.state == State::complete);
    CHECK(out.used == input.size());
    CHECK(out.normalized.ends_with("Content-Length: " + std::to_string(7 * kMiB) + "\r\n\r\n" +
                                   std::string(7 * kMiB, 'b')));
  }
  SUBCASE("a long target and 100 headers of the largest size, one byte at a time") {
    // 99 headers beside Host, their names and values sharing the 32 KiB.
    const std::size_t each = (32 * 1024 - 16) / 99 - 6;  // "X-1nnn" is 6 bytes
    const std::string input =
        head("GET /" + std::string(8191, 't') + " HTTP/1.1", many_headers(99, each));
    const Outcome out = feed_in_steps(input, 1);
    REQUIRE(out.state == State::complete);
    CHECK(out.used == input.size());
  }
}

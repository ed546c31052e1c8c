// Reads one HTTP/1.1 request from the bytes a connection sends, strictly, with Node's
// http-parser (Debian's libhttp-parser): the framing every request must pass before kidwiki reads
// it. Ambiguous framing (Content-Length with Transfer-Encoding, two different lengths, "+5",
// "5abc", a negative or malformed chunk size) is refused with 400; a target over the limit with
// 414; too many or too large headers with 431; a declared body over the limit with 413 from the
// head alone, and a chunked one as soon as it passes the limit. Nothing is buffered beyond the
// limits.
#pragma once

#include <cstddef>
#include <memory>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace kidwiki::web {

struct FramingLimits {
  std::size_t max_target_bytes = 8192;   // the request line's target (414 above)
  std::size_t max_header_count = 100;    // 431 above
  std::size_t max_header_bytes = 32768;  // names and values together (431 above)
  std::size_t max_body_bytes = 7 * 1024 * 1024;  // 413 above
};

class RequestFraming {
 public:
  enum class State { reading, complete, refused };

  explicit RequestFraming(const FramingLimits& limits);
  ~RequestFraming();
  RequestFraming(const RequestFraming&) = delete;
  RequestFraming& operator=(const RequestFraming&) = delete;

  // Reads `bytes`, which follow those already fed. Returns how many belong to this request: once
  // it is complete (or refused) the rest is the next request's.
  std::size_t feed(std::string_view bytes);
  // The connection ended: a request cut in the middle is refused (400).
  void end_of_input();

  State state() const { return state_; }
  // 400, 413, 414 or 431 when refused.
  int refusal_status() const { return refusal_; }
  // The head has been read: a client that sent "Expect: 100-continue" waits for the answer now.
  bool head_complete() const { return head_complete_; }
  bool expects_continue() const { return expects_continue_; }
  // Whether the connection may carry another request after this one (HTTP/1.1 unless
  // "Connection: close", HTTP/1.0 with "Connection: keep-alive").
  bool keep_alive() const { return keep_alive_; }
  // Nothing of a request has arrived yet.
  bool idle() const { return !started_; }
  // The bytes held for this request: head and body.
  std::size_t buffered_bytes() const { return held_; }

  // The complete request as it is handed on: the request line and headers (without
  // Transfer-Encoding, Content-Length and Expect), "Content-Length: N" and the body, decoded from
  // its chunks. Precondition: state() == complete.
  std::string normalized() const;

  // Ready for the next request on the same connection.
  void reset();

 private:
  struct Parser;
  friend struct Parser;
  void refuse(int status);
  int add_header_bytes(std::string& into, const char* at, std::size_t length);
  // Appends to the request line's target or the body, refusing with `status` past `limit`.
  int append_within(std::string& into, const char* at, std::size_t length, std::size_t limit,
                    int status);

  FramingLimits limits_;
  std::unique_ptr<Parser> parser_;
  State state_ = State::reading;
  int refusal_ = 0;
  bool started_ = false;
  bool head_complete_ = false;
  bool expects_continue_ = false;
  bool keep_alive_ = false;
  bool in_value_ = false;
  std::size_t header_bytes_ = 0;
  std::size_t held_ = 0;
  std::string method_;
  std::string target_;
  unsigned short major_ = 1, minor_ = 1;
  std::vector<std::pair<std::string, std::string>> headers_;
  std::string body_;
};

}  // namespace kidwiki::web

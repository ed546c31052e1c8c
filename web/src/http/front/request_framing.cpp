#include "http/front/request_framing.h"

#include <http_parser.h>

#include <algorithm>
#include <cctype>
#include <cstring>

namespace kidwiki::web {
namespace {

bool same_name(std::string_view a, std::string_view b) {
  return a.size() == b.size() && std::equal(a.begin(), a.end(), b.begin(), [](char x, char y) {
           return std::tolower(static_cast<unsigned char>(x)) ==
                  std::tolower(static_cast<unsigned char>(y));
         });
}

// Framing headers, replaced by one Content-Length in the request handed on.
bool is_framing(std::string_view name) {
  return same_name(name, "Content-Length") || same_name(name, "Transfer-Encoding") ||
         same_name(name, "Expect");
}

bool contains_continue(std::string_view value) {
  std::string lower(value);
  std::transform(lower.begin(), lower.end(), lower.begin(),
                 [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  return lower.find("100-continue") != std::string::npos;
}

}  // namespace

// http-parser's callbacks, which find the RequestFraming through parser.data. A non-zero return
// stops the parser: the framing has been refused (the status is set first).
struct RequestFraming::Parser {
  http_parser parser{};
  http_parser_settings settings{};

  static RequestFraming& of(http_parser* p) { return *static_cast<RequestFraming*>(p->data); }

  // Trailer fields, after a chunked body, are not merged into the head handed on (RFC 9110
  // 6.5.1): a proxy before us need not have checked them as headers ("Host", "X-Forwarded-For").
  // They are dropped, and count against the header limit.
  static int trailer(RequestFraming& f, std::size_t length) {
    f.header_bytes_ += length;
    return f.header_bytes_ > f.limits_.max_header_bytes ? (f.refuse(431), -1) : 0;
  }

  explicit Parser(RequestFraming& owner) {
    http_parser_settings_init(&settings);
    settings.on_message_begin = [](http_parser* p) {
      of(p).started_ = true;
      return 0;
    };
    settings.on_url = [](http_parser* p, const char* at, std::size_t length) {
      auto& f = of(p);
      return f.append_within(f.target_, at, length, f.limits_.max_target_bytes, 414);
    };
    settings.on_header_field = [](http_parser* p, const char* at, std::size_t length) {
      auto& f = of(p);
      // http-parser built without HTTP_PARSER_STRICT lets a space into a name: "Content-Length :
      // 5" would frame no body here and a body in a lenient proxy. RFC 9112 5.1: refuse it.
      if (std::memchr(at, ' ', length) != nullptr) return f.refuse(400), -1;
      if (f.head_complete_) return trailer(f, length);
      if (f.headers_.empty() || f.in_value_) {
        if (f.headers_.size() == f.limits_.max_header_count) return f.refuse(431), -1;
        f.headers_.emplace_back();
        f.in_value_ = false;
      }
      return f.add_header_bytes(f.headers_.back().first, at, length);
    };
    settings.on_header_value = [](http_parser* p, const char* at, std::size_t length) {
      auto& f = of(p);
      if (f.head_complete_) return trailer(f, length);
      f.in_value_ = true;
      return f.add_header_bytes(f.headers_.back().second, at, length);
    };
    settings.on_headers_complete = [](http_parser* p) {
      auto& f = of(p);
      f.head_complete_ = true;
      f.method_ = http_method_str(static_cast<http_method>(p->method));
      f.major_ = p->http_major;
      f.minor_ = p->http_minor;
      f.keep_alive_ = http_should_keep_alive(p) != 0;
      for (const auto& [name, value] : f.headers_) {
        if (same_name(name, "Expect") && contains_continue(value)) f.expects_continue_ = true;
      }
      // A declared length over the limit is refused from the head, before a byte of the body.
      if ((p->flags & F_CONTENTLENGTH) && p->content_length > f.limits_.max_body_bytes) {
        return f.refuse(413), -1;
      }
      return 0;
    };
    settings.on_body = [](http_parser* p, const char* at, std::size_t length) {
      auto& f = of(p);
      return f.append_within(f.body_, at, length, f.limits_.max_body_bytes, 413);
    };
    settings.on_message_complete = [](http_parser* p) {
      auto& f = of(p);
      f.state_ = State::complete;
      http_parser_pause(p, 1);  // one request at a time: the rest is the next one's
      return 0;
    };
    start(owner);
  }

  void start(RequestFraming& owner) {
    http_parser_init(&parser, HTTP_REQUEST);
    parser.data = &owner;
  }
};

RequestFraming::RequestFraming(const FramingLimits& limits)
    : limits_(limits), parser_(std::make_unique<Parser>(*this)) {}

RequestFraming::~RequestFraming() = default;

int RequestFraming::append_within(std::string& into, const char* at, std::size_t length,
                                  std::size_t limit, int status) {
  if (into.size() + length > limit) return refuse(status), -1;
  into.append(at, length);
  held_ += length;
  return 0;
}

int RequestFraming::add_header_bytes(std::string& into, const char* at, std::size_t length) {
  header_bytes_ += length;
  if (header_bytes_ > limits_.max_header_bytes) return refuse(431), -1;
  into.append(at, length);
  held_ += length;
  return 0;
}

void RequestFraming::refuse(int status) {
  if (state_ == State::refused) return;
  state_ = State::refused;
  refusal_ = status;
  keep_alive_ = false;
}

std::size_t RequestFraming::feed(std::string_view bytes) {
  if (state_ != State::reading || bytes.empty()) return 0;
  const std::size_t used =
      http_parser_execute(&parser_->parser, &parser_->settings, bytes.data(), bytes.size());
  const auto error = HTTP_PARSER_ERRNO(&parser_->parser);
  if (state_ == State::reading && error != HPE_OK && error != HPE_PAUSED) {
    // http-parser's own refusals: its head limit (80 KiB) is a 431, everything else a 400.
    refuse(error == HPE_HEADER_OVERFLOW ? 431 : 400);
  }
  return used;
}

void RequestFraming::end_of_input() {
  if (state_ == State::reading && started_) refuse(400);
}

std::string RequestFraming::normalized() const {
  std::string out;
  out.reserve(held_ + 64);
  out += method_ + ' ' + target_ + " HTTP/" + std::to_string(major_) + '.' +
         std::to_string(minor_) + "\r\n";
  for (const auto& [name, value] : headers_) {
    if (is_framing(name)) continue;
    out += name + ": " + value + "\r\n";
  }
  out += "Content-Length: " + std::to_string(body_.size()) + "\r\n\r\n";
  out += body_;
  return out;
}

void RequestFraming::reset() {
  parser_->start(*this);
  state_ = State::reading;
  refusal_ = 0;
  started_ = head_complete_ = expects_continue_ = keep_alive_ = in_value_ = false;
  header_bytes_ = held_ = 0;
  method_.clear();
  target_.clear();
  headers_.clear();
  body_.clear();
  body_.shrink_to_fit();  // a large body is not kept for the next request
}

}  // namespace kidwiki::web

// What the render workers and the server say to each other over a worker's stdin and stdout:
// requests and answers, one after the other on the same pipes, as long as the worker lives.
// A message is a fixed number of parts, each an 8-byte little-endian length and its bytes:
//   request (2 parts): {"lang": "fr", "names": {"talk", "category"}, "languages": [...],
//                       "toc_title": "Sommaire", "cpu_seconds": 2}, then the Markdown as it is
//   answer (3 parts):  {"links": [{"ns", "text"}], "categories", "langlinks": [{"lang", "title"}],
//                       "redirect": {"ns", "text"} or null, "headings": [{"level", "text",
//                       "anchor"}]}, then the HTML, then the plain text
//                      or {"error": {"code", "message_id", "args"}}, then two empty parts
// Why raw parts: the text and the HTML are most of the bytes (megabytes on a long page), and
// JSON would escape every quote of the HTML and parse it all again on the other side.
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>

#include "engine/render.h"

namespace kidwiki::engine {

inline constexpr std::size_t kRequestParts = 2;
inline constexpr std::size_t kAnswerParts = 3;

struct RenderRequest {
  std::string markdown;
  RenderContext context;
  int cpu_seconds = 0;  // the render's CPU budget, which the worker sets on itself; 0: none
};

std::string encode_request(std::string_view markdown, const RenderContext& context,
                           int cpu_seconds = 0);
// Empty when `message` is not exactly one well-formed request.
std::optional<RenderRequest> decode_request(std::string_view message);

std::string encode_answer(const Result<RenderResult>& answer);
// Empty when `message` is not exactly one well-formed answer (a worker that misbehaves).
std::optional<Result<RenderResult>> decode_answer(std::string_view message);

// Whether `buffer` starts with a whole message of `parts` parts, and its size; too_large as soon
// as a length announces more than `max_bytes` in all.
struct MessageSize {
  enum State { incomplete, complete, too_large } state;
  std::size_t bytes;
};
MessageSize message_size(std::string_view buffer, std::size_t parts, std::size_t max_bytes);

}  // namespace kidwiki::engine

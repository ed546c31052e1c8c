// What render_sandboxed and the render worker say to each other over the worker's stdin and stdout:
// one JSON document each way.
//   request: {"markdown": "...", "lang": "fr", "names": {"talk": "...", "category": "..."},
//             "languages": ["en", "fr"], "toc_title": "Sommaire"}
//   answer:  {"html", "links": [{"ns", "text"}], "categories", "langlinks": [{"lang", "title"}],
//             "redirect": {"ns", "text"} or null, "headings": [{"level", "text", "anchor"}],
//             "plain_text"}
//            or {"error": {"code": "unprocessable", "message_id": "...", "args": {"max": 32}}}
#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "engine/render.h"

namespace kidwiki::engine {

struct RenderRequest {
  std::string markdown;
  RenderContext context;
};

std::string encode_request(std::string_view markdown, const RenderContext& context);
// Empty when `json` is not a well-formed request.
std::optional<RenderRequest> decode_request(std::string_view json);

// Takes the answer by value: the worker moves its result in, so the HTML is not copied.
std::string encode_answer(Result<RenderResult> answer);
// Empty when `json` is not a well-formed answer (a worker that crashed half-way, or worse).
std::optional<Result<RenderResult>> decode_answer(std::string_view json);

}  // namespace kidwiki::engine

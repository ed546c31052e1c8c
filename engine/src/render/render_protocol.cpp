#include "render/render_protocol.h"

#include <algorithm>
#include <array>
#include <nlohmann/json.hpp>
#include <utility>
#include <variant>

namespace kidwiki::engine {
namespace {

using nlohmann::json;

constexpr std::array<std::pair<ErrorCode, std::string_view>, 9> kCodeNames = {{
    {ErrorCode::invalid_input, "invalid_input"},
    {ErrorCode::invalid_title, "invalid_title"},
    {ErrorCode::wrong_page, "wrong_page"},
    {ErrorCode::not_found, "not_found"},
    {ErrorCode::conflict, "conflict"},
    {ErrorCode::exists, "exists"},
    {ErrorCode::too_large, "too_large"},
    {ErrorCode::unprocessable, "unprocessable"},
    {ErrorCode::storage, "storage"},
}};

// Text is valid UTF-8 once cmark has validated it; the request's may not be, and is repaired
// the way cmark would repair it anyway.
// `expected_size` reserves room for the text at once: json::dump grows its string by doubling,
// which touches twice the pages of a megabyte answer; room reserved but never written costs
// nothing. The same output as value.dump(-1, ' ', false, json::error_handler_t::replace).
std::string dump(const json& value, std::size_t expected_size = 0) {
  std::string out;
  out.reserve(expected_size);
  nlohmann::detail::serializer<json> serializer(
      nlohmann::detail::output_adapter<char, std::string>(out), ' ',
      json::error_handler_t::replace);
  serializer.dump(value, false, false, 0);
  return out;
}

// JSON escapes quotes, backslashes and control characters: a quarter more covers HTML, whose
// attributes are quoted, with room to spare.
std::size_t answer_size_hint(const RenderResult& result) {
  std::size_t text = result.html.size() + result.plain_text.size();
  return text + text / 4 + 4096;
}

// Thrown only inside decode_answer, which turns it into "malformed".
[[noreturn]] void malformed(const std::string& why) {
  throw json::other_error::create(501, "malformed render answer: " + why, nullptr);
}

json title_json(const Title& title) {
  return {{"ns", static_cast<int>(title.ns)}, {"text", title.text}};
}

Title title_from(const json& value) {
  int ns = value.at("ns").get<int>();
  if (ns != 0 && ns != 1 && ns != 14) malformed("namespace");
  return Title{static_cast<Namespace>(ns), value.at("text").get<std::string>()};
}

json error_json(const Error& error) {
  json args = json::object();
  for (const auto& arg : error.args) {
    std::visit([&](const auto& value) { args[arg.first] = value; }, arg.second);
  }
  auto code = std::find_if(kCodeNames.begin(), kCodeNames.end(),
                           [&](const auto& entry) { return entry.first == error.code; });
  return {{"code", code->second}, {"message_id", error.message_id}, {"args", args}};
}

Error error_from(const json& value) {
  auto name = value.at("code").get<std::string>();
  auto code = std::find_if(kCodeNames.begin(), kCodeNames.end(),
                           [&](const auto& entry) { return entry.second == name; });
  if (code == kCodeNames.end()) malformed("error code");
  Error error{code->first, value.at("message_id").get<std::string>()};
  for (const auto& [arg, v] : value.at("args").items()) {
    if (v.is_string()) {
      error.args.emplace_back(arg, v.get<std::string>());
    } else {
      error.args.emplace_back(arg, v.get<std::int64_t>());
    }
  }
  return error;
}

// Takes the result: its HTML and plain text are moved, not copied (a megabyte each, on long pages).
json result_json(RenderResult&& result) {
  json answer = {{"html", std::move(result.html)},
                 {"categories", result.categories},
                 {"plain_text", std::move(result.plain_text)},
                 {"redirect", result.redirect ? title_json(*result.redirect) : json(nullptr)}};
  answer["links"] = json::array();
  for (const Title& link : result.links) answer["links"].push_back(title_json(link));
  answer["langlinks"] = json::array();
  for (const LangLink& link : result.langlinks) {
    answer["langlinks"].push_back({{"lang", link.lang}, {"title", link.title}});
  }
  answer["headings"] = json::array();
  for (const Heading& h : result.headings) {
    answer["headings"].push_back({{"level", h.level}, {"text", h.text}, {"anchor", h.anchor}});
  }
  return answer;
}

RenderResult result_from(const json& answer) {
  RenderResult result;
  result.html = answer.at("html").get<std::string>();
  result.categories = answer.at("categories").get<std::vector<std::string>>();
  result.plain_text = answer.at("plain_text").get<std::string>();
  if (!answer.at("redirect").is_null()) result.redirect = title_from(answer.at("redirect"));
  for (const json& link : answer.at("links")) result.links.push_back(title_from(link));
  for (const json& link : answer.at("langlinks")) {
    result.langlinks.push_back(
        {link.at("lang").get<std::string>(), link.at("title").get<std::string>()});
  }
  for (const json& h : answer.at("headings")) {
    result.headings.push_back({h.at("level").get<int>(), h.at("text").get<std::string>(),
                               h.at("anchor").get<std::string>()});
  }
  return result;
}

}  // namespace

std::string encode_request(std::string_view markdown, const RenderContext& context) {
  return dump({{"markdown", markdown},
               {"lang", context.lang},
               {"names", {{"talk", context.names.talk}, {"category", context.names.category}}},
               {"languages", context.languages},
               {"toc_title", context.toc_title}});
}

std::optional<RenderRequest> decode_request(std::string_view text) {
  json request = json::parse(text, nullptr, false);
  if (!request.is_object()) return std::nullopt;
  try {
    RenderRequest decoded;
    decoded.markdown = std::move(request.at("markdown").get_ref<std::string&>());
    decoded.context.lang = request.at("lang").get<std::string>();
    decoded.context.names.talk = request.at("names").at("talk").get<std::string>();
    decoded.context.names.category = request.at("names").at("category").get<std::string>();
    decoded.context.languages = request.at("languages").get<std::vector<std::string>>();
    decoded.context.toc_title = request.at("toc_title").get<std::string>();
    return decoded;
  } catch (const json::exception&) {
    return std::nullopt;
  }
}

std::string encode_answer(Result<RenderResult> answer) {
  if (!answer.ok()) return dump({{"error", error_json(answer.error())}});
  std::size_t size_hint = answer_size_hint(answer.value());
  return dump(result_json(std::move(answer).value()), size_hint);
}

std::optional<Result<RenderResult>> decode_answer(std::string_view text) {
  json answer = json::parse(text, nullptr, false);
  if (!answer.is_object()) return std::nullopt;
  try {
    if (answer.contains("error")) return Result<RenderResult>(error_from(answer.at("error")));
    return Result<RenderResult>(result_from(answer));
  } catch (const json::exception&) {
    return std::nullopt;
  }
}

}  // namespace kidwiki::engine

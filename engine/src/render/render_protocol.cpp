#include "render/render_protocol.h"

#include <algorithm>
#include <array>
#include <cstdint>
#include <cstring>
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

// Thrown only inside decode_answer, which turns it into "malformed".
[[noreturn]] void malformed(const std::string& why) {
  throw json::other_error::create(501, "malformed render answer: " + why, nullptr);
}

json title_json(const Title& title) {
  return {{"ns", static_cast<int>(title.ns)}, {"text", title.text}};
}

Title title_from(const json& value) {
  int ns = value.at("ns").get<int>();
  if (ns != 0 && ns != 1 && ns != 6 && ns != 14) malformed("namespace");
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

// Everything but the HTML and the plain text, which travel as raw parts.
json result_json(const RenderResult& result) {
  json answer = {{"categories", result.categories},
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
  result.categories = answer.at("categories").get<std::vector<std::string>>();
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

void append_part(std::string& out, std::string_view part) {
  std::uint64_t length = part.size();
  char bytes[8];
  for (int i = 0; i < 8; ++i) bytes[i] = static_cast<char>((length >> (8 * i)) & 0xff);
  out.append(bytes, 8);
  out.append(part);
}

std::uint64_t read_length(std::string_view at) {
  std::uint64_t length = 0;
  for (int i = 0; i < 8; ++i) {
    length |= static_cast<std::uint64_t>(static_cast<unsigned char>(at[i])) << (8 * i);
  }
  return length;
}

// The parts of one complete message of `count` parts that fills `message` exactly.
std::optional<std::vector<std::string_view>> split_parts(std::string_view message,
                                                         std::size_t count) {
  std::vector<std::string_view> parts;
  for (std::size_t i = 0; i < count; ++i) {
    if (message.size() < 8) return std::nullopt;
    std::uint64_t length = read_length(message);
    message.remove_prefix(8);
    if (length > message.size()) return std::nullopt;
    parts.push_back(message.substr(0, length));
    message.remove_prefix(length);
  }
  if (!message.empty()) return std::nullopt;
  return parts;
}

}  // namespace

MessageSize message_size(std::string_view buffer, std::size_t parts, std::size_t max_bytes) {
  std::size_t at = 0;
  for (std::size_t i = 0; i < parts; ++i) {
    if (buffer.size() < at + 8) return {MessageSize::incomplete, 0};
    std::uint64_t length = read_length(buffer.substr(at));
    if (length > max_bytes || at + 8 + length > max_bytes) return {MessageSize::too_large, 0};
    at += 8 + length;
  }
  if (buffer.size() < at) return {MessageSize::incomplete, 0};
  return {MessageSize::complete, at};
}

std::string encode_request(std::string_view markdown, const RenderContext& context,
                           int cpu_seconds) {
  std::string out;
  out.reserve(markdown.size() + 512);
  append_part(out, dump({{"lang", context.lang},
                         {"names", {{"talk", context.names.talk},
                                    {"category", context.names.category},
                                    {"file", context.names.file}}},
                         {"languages", context.languages},
                         {"toc_title", context.toc_title},
                         {"cpu_seconds", cpu_seconds}}));
  append_part(out, markdown);
  return out;
}

std::optional<RenderRequest> decode_request(std::string_view message) {
  auto parts = split_parts(message, kRequestParts);
  if (!parts) return std::nullopt;
  json request = json::parse((*parts)[0], nullptr, false);
  if (!request.is_object()) return std::nullopt;
  try {
    RenderRequest decoded;
    decoded.markdown = std::string((*parts)[1]);
    decoded.context.lang = request.at("lang").get<std::string>();
    decoded.context.names.talk = request.at("names").at("talk").get<std::string>();
    decoded.context.names.category = request.at("names").at("category").get<std::string>();
    decoded.context.names.file = request.at("names").at("file").get<std::string>();
    decoded.context.languages = request.at("languages").get<std::vector<std::string>>();
    decoded.context.toc_title = request.at("toc_title").get<std::string>();
    decoded.cpu_seconds = request.at("cpu_seconds").get<int>();
    if (decoded.cpu_seconds < 0) return std::nullopt;
    return decoded;
  } catch (const json::exception&) {
    return std::nullopt;
  }
}

std::string encode_answer(const Result<RenderResult>& answer) {
  std::string out;
  if (!answer.ok()) {
    append_part(out, dump({{"error", error_json(answer.error())}}));
    append_part(out, "");
    append_part(out, "");
    return out;
  }
  const RenderResult& result = answer.value();
  std::string meta = dump(result_json(result));
  out.reserve(meta.size() + result.html.size() + result.plain_text.size() + 24);
  append_part(out, meta);
  append_part(out, result.html);
  append_part(out, result.plain_text);
  return out;
}

std::optional<Result<RenderResult>> decode_answer(std::string_view message) {
  auto parts = split_parts(message, kAnswerParts);
  if (!parts) return std::nullopt;
  json answer = json::parse((*parts)[0], nullptr, false);
  if (!answer.is_object()) return std::nullopt;
  try {
    if (answer.contains("error")) return Result<RenderResult>(error_from(answer.at("error")));
    RenderResult result = result_from(answer);
    result.html = std::string((*parts)[1]);
    result.plain_text = std::string((*parts)[2]);
    return Result<RenderResult>(std::move(result));
  } catch (const json::exception&) {
    return std::nullopt;
  }
}

}  // namespace kidwiki::engine

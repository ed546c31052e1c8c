#include "http/json_body.h"

#include <cctype>
#include <limits>

#include "i18n/text.h"

namespace kidwiki::web {

namespace {

using engine::ErrorCode;
using engine::make_error;
using nlohmann::json;

bool is_json_content_type(std::string_view type) {
  constexpr std::string_view kJson = "application/json";
  if (type.size() < kJson.size()) return false;
  for (std::size_t i = 0; i < kJson.size(); ++i) {
    if (std::tolower(static_cast<unsigned char>(type[i])) != kJson[i]) return false;
  }
  std::string_view rest = type.substr(kJson.size());
  return rest.empty() || rest.front() == ';' || rest.front() == ' ';
}

engine::Error field_error(std::string message_id, std::string_view name) {
  return make_error(ErrorCode::invalid_input, std::move(message_id),
                    {{"field", std::string(name)}});
}

const json* find_field(const json& body, std::string_view name) {
  auto it = body.find(name);
  return it == body.end() ? nullptr : &*it;
}

// An integer that fits in int64: nlohmann keeps large positive numbers as unsigned.
std::optional<std::int64_t> as_int64(const json& value) {
  if (value.is_number_unsigned()) {
    auto u = value.get<std::uint64_t>();
    if (u > static_cast<std::uint64_t>(std::numeric_limits<std::int64_t>::max())) return {};
    return static_cast<std::int64_t>(u);
  }
  if (value.is_number_integer()) return value.get<std::int64_t>();
  return {};
}

}  // namespace

engine::Result<json> parse_json_object(const httplib::Request& req) {
  if (!is_json_content_type(req.get_header_value("Content-Type"))) {
    return make_error(ErrorCode::invalid_input, "api-error-not-json");
  }
  if (!i18n::is_valid_utf8(req.body)) {
    return make_error(ErrorCode::invalid_input, "api-error-body-not-utf8");
  }
  json body;
  try {
    body = json::parse(req.body);
  } catch (const json::parse_error& e) {
    // The library's own error, converted here at the edge into our result.
    return make_error(ErrorCode::invalid_input, "api-error-invalid-json",
                      {{"position", static_cast<std::int64_t>(e.byte)}});
  } catch (const json::out_of_range&) {
    // A number no double holds ({"x":1e400}): valid JSON grammar, but not a value we can read.
    return make_error(ErrorCode::invalid_input, "api-error-number-out-of-range");
  }
  if (!body.is_object()) return make_error(ErrorCode::invalid_input, "api-error-not-object");
  return body;
}

engine::Result<std::string> string_field(const json& body, std::string_view name) {
  const json* value = find_field(body, name);
  if (value == nullptr) return field_error("api-error-missing-field", name);
  if (!value->is_string()) return field_error("api-error-expected-string", name);
  return value->get<std::string>();
}

engine::Result<std::string> optional_string_field(const json& body, std::string_view name,
                                                  std::string fallback) {
  if (find_field(body, name) == nullptr) return fallback;
  return string_field(body, name);
}

engine::Result<std::int64_t> integer_field(const json& body, std::string_view name) {
  const json* value = find_field(body, name);
  if (value == nullptr) return field_error("api-error-missing-field", name);
  auto number = as_int64(*value);
  if (!number) return field_error("api-error-expected-integer", name);
  return *number;
}

engine::Result<std::optional<std::int64_t>> nullable_integer_field(const json& body,
                                                                   std::string_view name) {
  const json* value = find_field(body, name);
  if (value == nullptr || value->is_null()) return std::optional<std::int64_t>();
  auto number = as_int64(*value);
  if (!number) return field_error("api-error-expected-integer-or-null", name);
  return std::optional<std::int64_t>(*number);
}

engine::Result<bool> bool_field(const json& body, std::string_view name) {
  if (find_field(body, name) == nullptr) return field_error("api-error-missing-field", name);
  return optional_bool_field(body, name, false);
}

engine::Result<bool> optional_bool_field(const json& body, std::string_view name, bool fallback) {
  const json* value = find_field(body, name);
  if (value == nullptr) return fallback;
  if (!value->is_boolean()) return field_error("api-error-expected-boolean", name);
  return value->get<bool>();
}

}  // namespace kidwiki::web

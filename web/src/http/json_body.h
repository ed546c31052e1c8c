// A request's JSON body, read with errors that say exactly what is wrong (all invalid_input).
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include <httplib.h>
#include <nlohmann/json.hpp>

#include "engine/result.h"

namespace kidwiki::web {

// The body as a JSON object. Refuses a Content-Type other than application/json, bytes that
// are not UTF-8, text that is not JSON, and JSON that is not an object.
engine::Result<nlohmann::json> parse_json_object(const httplib::Request& req);

// Field readers: "missing" when a required field is absent; "expected ..." when present with
// another type. Optional readers give `fallback` when the field is absent.
engine::Result<std::string> string_field(const nlohmann::json& body, std::string_view name);
engine::Result<std::string> optional_string_field(const nlohmann::json& body,
                                                  std::string_view name, std::string fallback);
engine::Result<std::int64_t> integer_field(const nlohmann::json& body, std::string_view name);
// Absent or null both give an empty optional.
engine::Result<std::optional<std::int64_t>> nullable_integer_field(const nlohmann::json& body,
                                                                   std::string_view name);
engine::Result<bool> bool_field(const nlohmann::json& body, std::string_view name);
engine::Result<bool> optional_bool_field(const nlohmann::json& body, std::string_view name,
                                         bool fallback);

}  // namespace kidwiki::web

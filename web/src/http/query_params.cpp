#include "http/query_params.h"

#include <algorithm>
#include <charconv>
#include <limits>
#include <string>

namespace kidwiki::web {

namespace {

constexpr std::int64_t kInt64Max = std::numeric_limits<std::int64_t>::max();

engine::Error integer_error(std::string_view name, std::int64_t min, std::int64_t max) {
  return engine::make_error(engine::ErrorCode::invalid_input, "api-error-query-integer",
                            {{"name", std::string(name)}, {"min", min}, {"max", max}});
}

}  // namespace

std::optional<std::int64_t> parse_decimal(std::string_view text) {
  if (text.empty() || !std::all_of(text.begin(), text.end(),
                                   [](char c) { return c >= '0' && c <= '9'; })) {
    return std::nullopt;
  }
  std::int64_t value = 0;
  auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), value);
  if (error != std::errc() || end != text.data() + text.size()) return std::nullopt;
  return value;
}

std::optional<std::int64_t> parse_positive_id(std::string_view text) {
  auto value = parse_decimal(text);
  if (!value || *value < 1) return std::nullopt;
  return value;
}

engine::Result<std::int64_t> path_id(std::string_view raw, std::string_view name) {
  if (auto id = parse_positive_id(raw)) return *id;
  return integer_error(name, 1, kInt64Max);
}

engine::Result<std::optional<std::int64_t>> query_integer(const httplib::Request& req,
                                                          std::string_view name,
                                                          std::int64_t min, std::int64_t max) {
  std::string key(name);
  if (!req.has_param(key.c_str())) return std::optional<std::int64_t>();
  auto value = parse_decimal(req.get_param_value(key.c_str()));
  if (!value || *value < min || *value > max) return integer_error(name, min, max);
  return std::optional<std::int64_t>(*value);
}

engine::Result<std::int64_t> required_query_integer(const httplib::Request& req,
                                                    std::string_view name, std::int64_t min,
                                                    std::int64_t max) {
  auto value = query_integer(req, name, min, max);
  if (!value) return value.error();
  if (!value.value()) {
    return engine::make_error(engine::ErrorCode::invalid_input, "api-error-query-missing",
                              {{"name", std::string(name)}});
  }
  return *value.value();
}

engine::Result<int> list_limit(const httplib::Request& req, int max_limit, int fallback) {
  auto value = query_integer(req, "limit", 0, kInt64Max);
  if (!value) return value.error();
  std::int64_t limit = value.value().value_or(fallback);
  return static_cast<int>(std::clamp<std::int64_t>(limit, 1, std::max(1, max_limit)));
}

engine::Result<std::optional<std::int64_t>> list_before(const httplib::Request& req) {
  return query_integer(req, "before", 1, kInt64Max);
}

}  // namespace kidwiki::web

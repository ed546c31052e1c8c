// Integers in a request's query string and path, validated before any use.
#pragma once

#include <cstdint>
#include <optional>
#include <string_view>

#include <httplib.h>

#include "engine/result.h"

namespace kidwiki::web {

// Decimal digits only (no sign, no space, no "1e3"), within int64. Empty otherwise.
std::optional<std::int64_t> parse_decimal(std::string_view text);

// An id: decimal digits worth 1 or more. Empty otherwise (absent, zero, signed, not a number).
std::optional<std::int64_t> parse_positive_id(std::string_view text);

// The id in path segment `name` (1 or more); otherwise invalid_input "api-error-query-integer",
// the 400 every route answers for a bad id.
engine::Result<std::int64_t> path_id(std::string_view raw, std::string_view name = "id");

// ?name= within [min, max]: empty when absent; invalid_input when not such a number.
engine::Result<std::optional<std::int64_t>> query_integer(const httplib::Request& req,
                                                          std::string_view name,
                                                          std::int64_t min, std::int64_t max);

// As query_integer, but the parameter is required.
engine::Result<std::int64_t> required_query_integer(const httplib::Request& req,
                                                    std::string_view name, std::int64_t min,
                                                    std::int64_t max);

// ?limit=: a non-negative number clamped to [1, max_limit]; `fallback` when absent.
engine::Result<int> list_limit(const httplib::Request& req, int max_limit, int fallback);

// ?before=: a revision id (1 or more), or empty when absent.
engine::Result<std::optional<std::int64_t>> list_before(const httplib::Request& req);

}  // namespace kidwiki::web

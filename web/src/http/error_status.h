// Failures as HTTP answers, built in one place so every route answers them alike.
#pragma once

#include <string>
#include <string_view>

#include <httplib.h>

#include "engine/result.h"

namespace kidwiki::web {

// invalid_input, invalid_title, wrong_page 400; not_found 404; conflict, exists 409;
// too_large 413; unprocessable 422; storage 500.
int http_status(engine::ErrorCode code);

// The code's name as the API spells it ("invalid_title").
std::string_view error_code_name(engine::ErrorCode code);

// Answers {"error":{"code":code,"message":message}} with `status`.
void send_json_error(httplib::Response& res, int status, std::string_view code,
                     const std::string& message);

// Answers `error` with its status, its code's name and its message formatted in `lang`.
// A conflict also carries "current_revision_id" in the error object, a filter's refusal
// "refused": {field, start, length, excerpt, rule} (http/refused_part.h).
void send_json_error(httplib::Response& res, const engine::Error& error, const std::string& lang);

// Sets Retry-After from a rate_limited or busy error's "seconds" argument; other errors set
// nothing.
void set_retry_after(httplib::Response& res, const engine::Error& error);

// Answers `error` as plain text in `lang`, for paths outside the API.
void send_text_error(httplib::Response& res, const engine::Error& error, const std::string& lang);

}  // namespace kidwiki::web

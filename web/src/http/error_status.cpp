#include "http/error_status.h"

#include <nlohmann/json.hpp>

#include "http/refused_part.h"
#include "i18n/messages.h"

namespace kidwiki::web {

int http_status(engine::ErrorCode code) {
  using engine::ErrorCode;
  switch (code) {
    case ErrorCode::invalid_input:
    case ErrorCode::invalid_title:
    case ErrorCode::wrong_page: return 400;
    case ErrorCode::not_logged_in: return 401;
    case ErrorCode::forbidden:
    case ErrorCode::closed: return 403;
    case ErrorCode::not_found: return 404;
    case ErrorCode::conflict:
    case ErrorCode::exists: return 409;
    case ErrorCode::too_large: return 413;
    case ErrorCode::unsupported_type: return 415;
    case ErrorCode::unprocessable: return 422;
    case ErrorCode::rate_limited: return 429;
    case ErrorCode::busy: return 503;
    case ErrorCode::storage: return 500;
  }
  return 500;
}

std::string_view error_code_name(engine::ErrorCode code) {
  using engine::ErrorCode;
  switch (code) {
    case ErrorCode::invalid_input: return "invalid_input";
    case ErrorCode::invalid_title: return "invalid_title";
    case ErrorCode::wrong_page: return "wrong_page";
    case ErrorCode::not_logged_in: return "not_logged_in";
    case ErrorCode::forbidden: return "forbidden";
    case ErrorCode::closed: return "closed";
    case ErrorCode::not_found: return "not_found";
    case ErrorCode::conflict: return "conflict";
    case ErrorCode::exists: return "exists";
    case ErrorCode::too_large: return "too_large";
    case ErrorCode::unsupported_type: return "unsupported_type";
    case ErrorCode::unprocessable: return "unprocessable";
    case ErrorCode::rate_limited: return "rate_limited";
    case ErrorCode::busy: return "busy";
    case ErrorCode::storage: return "storage";
  }
  return "storage";
}

namespace {

void send_error_object(httplib::Response& res, int status, nlohmann::json error) {
  res.status = status;
  nlohmann::json body = {{"error", std::move(error)}};
  // Why replace: a message id's arguments may hold bytes a user sent; never fail on them.
  res.set_content(body.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace),
                  "application/json; charset=utf-8");
}

}  // namespace

void send_json_error(httplib::Response& res, int status, std::string_view code,
                     const std::string& message) {
  send_error_object(res, status, {{"code", code}, {"message", message}});
}

void send_json_error(httplib::Response& res, const engine::Error& error, const std::string& lang) {
  nlohmann::json object = {
      {"code", error_code_name(error.code)},
      {"message", i18n::Messages::builtin().format(lang, error.message_id, error.args)}};
  for (const auto& [name, value] : error.args) {
    if (name == "current_revision_id" && std::holds_alternative<std::int64_t>(value)) {
      object["current_revision_id"] = std::get<std::int64_t>(value);
    }
    // A lesson window's next opening, for a client to say when saving works again.
    if (name == "when" && error.code == engine::ErrorCode::closed &&
        std::holds_alternative<std::string>(value)) {
      object["opens_at"] = std::get<std::string>(value);
    }
  }
  if (auto part = refused_part(error)) {
    object["refused"] = {{"field", part->field}, {"start", part->start}, {"length", part->length},
                         {"excerpt", part->excerpt}, {"rule", part->rule}};
  }
  set_retry_after(res, error);
  send_error_object(res, http_status(error.code), std::move(object));
}

void set_retry_after(httplib::Response& res, const engine::Error& error) {
  if (error.code != engine::ErrorCode::rate_limited && error.code != engine::ErrorCode::busy) return;
  for (const auto& [name, value] : error.args) {
    if (name == "seconds" && std::holds_alternative<std::int64_t>(value)) {
      res.set_header("Retry-After", std::to_string(std::get<std::int64_t>(value)));
    }
  }
}

void send_text_error(httplib::Response& res, const engine::Error& error, const std::string& lang) {
  set_retry_after(res, error);
  res.status = http_status(error.code);
  res.set_content(i18n::Messages::builtin().format(lang, error.message_id, error.args),
                  "text/plain; charset=utf-8");
}

}  // namespace kidwiki::web

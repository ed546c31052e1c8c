// Expected outcomes as values. A function that can fail for a reason the user caused (a bad title,
// a stale base, a missing page) returns Result<T>; exceptions are kept for bugs.
#pragma once

#include <string>
#include <utility>
#include <variant>

#include "i18n/messages.h"

namespace kidwiki::engine {

enum class ErrorCode {
  invalid_input,  // malformed request data (400)
  invalid_title,  // a title the wiki refuses (400)
  wrong_page,     // a revision that belongs to another page (400)
  not_logged_in,  // the action needs an account and the user is not logged in (401)
  forbidden,      // the user may not do this: their role, a block, a protected page (403)
  closed,         // not now: a pupil outside their class's lesson window; try when it opens (403)
  not_found,      // no such edition, page or revision (404)
  conflict,       // an edit that overlaps a newer one (409)
  exists,         // the target of a move or creation already exists (409)
  too_large,      // over a size limit (413)
  unsupported_type,  // a file that is not of a kind accepted here: not a picture (415)
  unprocessable,  // well-formed but refused: too complex to render, nested too deep, a filter (422)
  rate_limited,   // too many actions in a short time; try again later (429)
  busy,           // a shared resource (the render workers) is full: try again in seconds (503)
  storage,        // the disk or database failed; nothing was written (500)
};

// Why something failed: a code for the program, a message id (and its arguments) for the person.
struct Error {
  ErrorCode code;
  std::string message_id;
  i18n::MessageArgs args = {};
};

template <class T>
class [[nodiscard]] Result {
 public:
  Result(T value) : v_(std::move(value)) {}
  Result(Error error) : v_(std::move(error)) {}

  bool ok() const { return v_.index() == 0; }
  explicit operator bool() const { return ok(); }
  // Preconditions: ok() for value(), !ok() for error().
  T& value() & { return std::get<0>(v_); }
  const T& value() const& { return std::get<0>(v_); }
  T&& value() && { return std::get<0>(std::move(v_)); }
  T* operator->() { return &value(); }
  const T* operator->() const { return &value(); }
  const Error& error() const { return std::get<1>(v_); }

 private:
  std::variant<T, Error> v_;
};

// For operations that return nothing on success.
struct Ok {};
using Status = Result<Ok>;

inline Error make_error(ErrorCode code, std::string message_id, i18n::MessageArgs args = {}) {
  return Error{code, std::move(message_id), std::move(args)};
}

}  // namespace kidwiki::engine

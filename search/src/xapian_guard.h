// The module's edge for library errors: Xapian::Error does not derive from std::exception, and
// neither it nor a filesystem error may leave search/. Both become storage errors.
#pragma once

#include <filesystem>

#include <xapian.h>

#include "engine/result.h"

namespace kidwiki::search {

// The storage error for a Xapian failure; a lock held by another process has its own message.
engine::Error index_error(const Xapian::Error& e);

// Runs fn() (returning a Result) and converts Xapian and filesystem errors into Results.
template <class Fn>
auto guarded(Fn fn) -> decltype(fn()) {
  try {
    return fn();
  } catch (const Xapian::Error& e) {
    return index_error(e);
  } catch (const std::filesystem::filesystem_error& e) {
    return engine::make_error(engine::ErrorCode::storage, "search-error-index",
                              {{"detail", std::string(e.what())}});
  }
}

}  // namespace kidwiki::search

// Definition of guard_storage (declared in wiki_impl.h).
#pragma once

#include <cstdio>

#include "store/database.h"

namespace kidwiki::engine {

template <class F>
auto guard_storage(F&& body) -> decltype(body()) {
  try {
    return body();
  } catch (const db::StorageError& e) {
    // The transaction has been rolled back: nothing was written. The detail goes to the log,
    // the person gets a message id.
    std::fprintf(stderr, "storage error: %s\n", e.what());
    return make_error(ErrorCode::storage, "error-storage");
  }
}

}  // namespace kidwiki::engine

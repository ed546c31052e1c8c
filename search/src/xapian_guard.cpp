#include "xapian_guard.h"

#include <string_view>

namespace kidwiki::search {

engine::Error index_error(const Xapian::Error& e) {
  if (std::string_view(e.get_type()) == "DatabaseLockError") {
    return engine::make_error(engine::ErrorCode::storage, "search-error-locked");
  }
  return engine::make_error(engine::ErrorCode::storage, "search-error-index",
                            {{"detail", e.get_type() + std::string(": ") + e.get_msg()}});
}

}  // namespace kidwiki::search

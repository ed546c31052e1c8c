// Ids sent to SQLite as one JSON array parameter, read back with json_each(?N): one prepared
// statement then serves any number of ids (a statement per list length would fill the
// connection's statement cache).
#pragma once

#include <cstdint>
#include <string>
#include <vector>

namespace kidwiki::engine {

// "[3,7,12]"; "[]" for no ids.
inline std::string sql_id_list(const std::vector<std::int64_t>& ids) {
  std::string out = "[";
  for (std::size_t i = 0; i < ids.size(); ++i) {
    if (i > 0) out += ',';
    out += std::to_string(ids[i]);
  }
  return out + "]";
}

}  // namespace kidwiki::engine

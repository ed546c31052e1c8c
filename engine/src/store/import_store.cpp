#include "store/import_store.h"

#include "store/clock.h"

namespace kidwiki::engine {

std::optional<std::int64_t> imported_as(db::Connection& c, std::int64_t edition_id,
                                        std::string_view source, std::string_view source_id) {
  auto st = c.prepare(
      "SELECT revision_id FROM imported_revision"
      " WHERE edition_id = ? AND source = ? AND source_id = ?");
  st.bind(1, edition_id).bind(2, std::string(source)).bind(3, std::string(source_id));
  if (!st.step()) return std::nullopt;
  return st.int64(0);
}

void record_import(db::Connection& c, std::int64_t edition_id, std::string_view source,
                   std::string_view source_id, std::int64_t revision_id) {
  c.prepare(
       "INSERT INTO imported_revision (edition_id, source, source_id, revision_id, imported_at)"
       " VALUES (?, ?, ?, ?, ?)")
      .bind(1, edition_id)
      .bind(2, std::string(source))
      .bind(3, std::string(source_id))
      .bind(4, revision_id)
      .bind(5, now_iso8601())
      .run();
}

}  // namespace kidwiki::engine

#include "store/search_outbox.h"

namespace kidwiki::engine {

std::vector<OutboxEntry> outbox_entries(db::Connection& c, int limit) {
  auto st = c.prepare(
      "SELECT o.id, e.lang, o.page_id FROM search_outbox o JOIN edition e ON e.id = o.edition_id"
      " ORDER BY o.id LIMIT ?");
  st.bind(1, std::int64_t{limit});
  std::vector<OutboxEntry> out;
  while (st.step()) out.push_back({st.int64(0), st.text(1), st.int64(2)});
  return out;
}

void delete_outbox_through(db::Connection& c, std::int64_t last_id) {
  c.prepare("DELETE FROM search_outbox WHERE id <= ?").bind(1, last_id).run();
}

std::int64_t outbox_newest_id(db::Connection& c) {
  // sqlite_sequence keeps the newest id even once the table is emptied; it has no row for the
  // table before its first entry.
  auto st = c.prepare("SELECT seq FROM sqlite_sequence WHERE name = 'search_outbox'");
  return st.step() ? st.int64(0) : 0;
}

void delete_edition_outbox_through(db::Connection& c, std::string_view lang,
                                   std::int64_t last_id) {
  c.prepare(
       "DELETE FROM search_outbox WHERE id <= ?"
       " AND edition_id = (SELECT id FROM edition WHERE lang = ?)")
      .bind(1, last_id)
      .bind(2, lang)
      .run();
}

}  // namespace kidwiki::engine

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

}  // namespace kidwiki::engine

#include "store/stale_views.h"

namespace kidwiki::engine {
namespace {

void add_rows(db::Query& st, std::vector<Title>& out) {
  while (st.step()) out.push_back(Title{static_cast<Namespace>(st.int64(0)), st.text(1)});
}

}  // namespace

std::vector<Title> stale_views(db::Connection& c, std::int64_t edition_id, std::int64_t page_id,
                               const Title& title, bool existence_changes) {
  std::vector<Title> out{title};
  auto redirects = c.prepare(
      "SELECT p.ns, p.title FROM redirect r JOIN page p ON p.id = r.page_id"
      " WHERE r.edition_id = ? AND r.to_ns = ? AND r.to_title = ?");
  redirects.bind(1, edition_id).bind(2, std::int64_t{static_cast<int>(title.ns)}).bind(3, title.text);
  add_rows(redirects, out);
  auto categories = c.prepare(
      "SELECT 14, category FROM category_link WHERE page_id = ?");
  categories.bind(1, page_id);
  add_rows(categories, out);
  if (existence_changes) {
    auto backlinks = c.prepare(
        "SELECT p.ns, p.title FROM page_link l JOIN page p ON p.id = l.from_page_id"
        " WHERE l.edition_id = ? AND l.to_ns = ? AND l.to_title = ?");
    backlinks.bind(1, edition_id).bind(2, std::int64_t{static_cast<int>(title.ns)}).bind(3, title.text);
    add_rows(backlinks, out);
  }
  return out;
}

void add_categories(std::vector<Title>& stale, const RevisionMeta& meta) {
  for (const std::string& category : meta.categories) {
    stale.push_back(Title{Namespace::category, category});
  }
}

}  // namespace kidwiki::engine

#include "store/contribution_lists.h"

#include <algorithm>
#include <climits>

#include "store/page_store.h"
#include "store/sql_id_list.h"

namespace kidwiki::engine {

ContributionPage author_contributions(db::Connection& c, std::int64_t author_id,
                                      const ContributionScope& scope, int limit,
                                      std::optional<std::int64_t> before) {
  auto st = c.prepare(std::string("SELECT ") + kRevisionInfoColumns +
                      ", e.lang, p.visible_revision_id IS r.id, p.deleted_at IS NOT NULL"
                      " FROM revision r JOIN page p ON p.id = r.page_id"
                      " JOIN edition e ON e.id = p.edition_id"
                      " WHERE r.author_id = ?1 AND r.id < ?2"
                      " AND (r.review_state = ?4 OR ?5) AND (NOT r.hidden OR ?6)"
                      " AND (p.deleted_at IS NULL OR ?7)"
                      " ORDER BY r.id DESC LIMIT ?3");
  st.bind(1, author_id).bind(2, before.value_or(INT64_MAX)).bind(3, std::int64_t{limit + 1});
  st.bind(4, review_state_name(ReviewState::approved)).bind(5, std::int64_t{scope.every_state});
  st.bind(6, std::int64_t{scope.hidden}).bind(7, std::int64_t{scope.deleted_pages});
  ContributionPage page;
  constexpr int n = kRevisionInfoColumnCount;
  while (st.step()) {
    Contribution item;
    item.info = read_revision_info(st, 0);
    item.lang = st.text(n);
    item.is_current = st.int64(n + 1) != 0;
    item.page_deleted = st.int64(n + 2) != 0;
    page.items.push_back(std::move(item));
  }
  if (static_cast<int>(page.items.size()) > limit) {
    page.items.pop_back();
    page.next_before = page.items.back().info.id;
  }
  return page;
}

std::vector<AuthorPageEdits> edits_per_page(db::Connection& c,
                                            const std::vector<std::int64_t>& author_ids,
                                            bool hidden, int max_pages) {
  // The pages first (newest edit first, at most max_pages), then each author's rows on them.
  auto st = c.prepare(
      "WITH mine AS (SELECT r.author_id, r.page_id, r.id, r.created_at FROM revision r"
      "  JOIN page p ON p.id = r.page_id"
      "  WHERE r.author_id IN (SELECT value FROM json_each(?1)) AND p.deleted_at IS NULL"
      "  AND (NOT r.hidden OR ?2)),"
      " pages AS (SELECT page_id, MAX(id) AS newest FROM mine GROUP BY page_id"
      "  ORDER BY newest DESC LIMIT ?3)"
      " SELECT m.author_id, m.page_id, COUNT(*), MAX(m.id), MAX(m.created_at), pages.newest"
      " FROM mine m JOIN pages ON pages.page_id = m.page_id"
      " GROUP BY m.author_id, m.page_id ORDER BY pages.newest DESC, MAX(m.id) DESC");
  st.bind(1, sql_id_list(author_ids)).bind(2, std::int64_t{hidden});
  st.bind(3, std::int64_t{max_pages});
  std::vector<AuthorPageEdits> out;
  while (st.step()) {
    out.push_back({st.int64(0), st.int64(1), static_cast<int>(st.int64(2)), st.int64(3),
                   st.text(4)});
  }
  return out;
}

std::vector<PublishedVersion> published_versions(db::Connection& c, std::int64_t page_id,
                                                 std::int64_t through_revision_id, int limit,
                                                 bool& more) {
  auto st = c.prepare(
      "SELECT id, author_id, plain_text FROM revision"
      " WHERE page_id = ?1 AND review_state = ?2 AND id <= ?3 ORDER BY id DESC LIMIT ?4");
  st.bind(1, page_id).bind(2, review_state_name(ReviewState::approved));
  st.bind(3, through_revision_id).bind(4, std::int64_t{limit + 1});
  std::vector<PublishedVersion> out;
  while (st.step()) out.push_back({st.int64(0), st.optional_int64(1), st.text(2)});
  more = static_cast<int>(out.size()) > limit;
  if (more) out.pop_back();
  std::reverse(out.begin(), out.end());
  return out;
}

}  // namespace kidwiki::engine

#include "store/page_store.h"

#include <nlohmann/json.hpp>

namespace kidwiki::engine {
namespace {

PageRow read_page(const db::Query& st) {
  PageRow p;
  p.id = st.int64(0);
  p.edition_id = st.int64(1);
  p.title = Title{static_cast<Namespace>(st.int64(2)), st.text(3)};
  p.latest_revision_id = st.optional_int64(4);
  p.visible_revision_id = st.optional_int64(5);
  p.is_redirect = st.int64(6) != 0;
  p.deleted = st.int64(7) != 0;
  p.protection = protection_from_name(st.text(8)).value_or(Protection::none);
  return p;
}

constexpr const char* kPageColumns =
    "id, edition_id, ns, title, latest_revision_id, visible_revision_id, is_redirect,"
    " deleted_at IS NOT NULL, protection";

}  // namespace

const char* const kRevisionInfoColumns =
    "r.id, r.page_id, r.parent_id, p.ns, p.title, r.author, r.created_at, r.summary, r.size, "
    "r.size - COALESCE((SELECT size FROM revision WHERE id = r.parent_id), 0), r.review_state, "
    "r.author_id, r.hidden, r.superseded_by IS NOT NULL";

RevisionInfo read_revision_info(const db::Query& st, int c) {
  RevisionInfo r;
  r.id = st.int64(c);
  r.page_id = st.int64(c + 1);
  r.parent_id = st.optional_int64(c + 2);
  r.title = Title{static_cast<Namespace>(st.int64(c + 3)), st.text(c + 4)};
  r.author = st.text(c + 5);
  r.timestamp = st.text(c + 6);
  r.summary = st.text(c + 7);
  r.size = st.int64(c + 8);
  r.size_delta = st.int64(c + 9);
  r.review = review_state_from_name(st.text(c + 10)).value_or(ReviewState::pending);
  r.author_id = st.optional_int64(c + 11);
  r.hidden = st.int64(c + 12) != 0;
  r.superseded = st.int64(c + 13) != 0;
  return r;
}

std::optional<PageRow> find_page(db::Connection& c, std::int64_t edition_id, const Title& title) {
  auto st = c.prepare(std::string("SELECT ") + kPageColumns +
                       " FROM page WHERE edition_id = ? AND ns = ? AND title = ?");
  st.bind(1, edition_id).bind(2, std::int64_t{static_cast<int>(title.ns)}).bind(3, title.text);
  if (!st.step()) return std::nullopt;
  return read_page(st);
}

std::optional<PageRow> page_by_id(db::Connection& c, std::int64_t page_id) {
  auto st = c.prepare(std::string("SELECT ") + kPageColumns + " FROM page WHERE id = ?");
  st.bind(1, page_id);
  if (!st.step()) return std::nullopt;
  return read_page(st);
}

std::optional<StoredRevision> load_revision(db::Connection& c, std::int64_t edition_id,
                                            std::int64_t revision_id) {
  auto st = c.prepare(std::string("SELECT ") + kRevisionInfoColumns +
                       ", r.markdown, r.html, r.plain_text, r.meta FROM revision r"
                       " JOIN page p ON p.id = r.page_id WHERE r.id = ? AND p.edition_id = ?");
  st.bind(1, revision_id).bind(2, edition_id);
  if (!st.step()) return std::nullopt;
  StoredRevision r;
  r.info = read_revision_info(st, 0);
  r.markdown = st.text(kRevisionInfoColumnCount);
  r.html = st.text(kRevisionInfoColumnCount + 1);
  r.plain_text = st.text(kRevisionInfoColumnCount + 2);
  r.meta = st.text(kRevisionInfoColumnCount + 3);
  return r;
}

bool page_visible(db::Connection& c, std::int64_t edition_id, const Title& title) {
  auto st = c.prepare(
      "SELECT 1 FROM page WHERE edition_id = ? AND ns = ? AND title = ?"
      " AND visible_revision_id IS NOT NULL AND deleted_at IS NULL");
  st.bind(1, edition_id).bind(2, std::int64_t{static_cast<int>(title.ns)}).bind(3, title.text);
  return st.step();
}

// One statement for all the titles: a long page links to thousands of distinct targets, and one
// lookup each cost 20 µs of statement overhead (100 ms for a 1 MB text). CROSS JOIN keeps the
// list as the outer loop: left to itself SQLite's planner scanned every page of the edition and
// the whole list for each (11.6 ms of CPU per save at 100,000 articles; docs/performance.md).
std::vector<bool> pages_visible(db::Connection& c, std::int64_t edition_id,
                                const std::vector<Title>& titles) {
  std::vector<bool> visible(titles.size(), false);
  if (titles.empty()) return visible;
  nlohmann::json list = nlohmann::json::array();
  for (const Title& t : titles) list.push_back({static_cast<int>(t.ns), t.text});
  auto st = c.prepare(
      "SELECT j.key FROM json_each(?2) j CROSS JOIN page p ON p.edition_id = ?1"
      " AND p.ns = json_extract(j.value, '$[0]') AND p.title = json_extract(j.value, '$[1]')"
      " WHERE p.visible_revision_id IS NOT NULL AND p.deleted_at IS NULL");
  st.bind(1, edition_id).bind(2, list.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace));
  while (st.step()) visible[static_cast<std::size_t>(st.int64(0))] = true;
  return visible;
}

}  // namespace kidwiki::engine

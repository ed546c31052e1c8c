#include "store/review_store.h"

#include "store/clock.h"
#include "store/sql_id_list.h"

namespace kidwiki::engine {
namespace {

std::string_view pending() { return review_state_name(ReviewState::pending); }
std::string_view approved() { return review_state_name(ReviewState::approved); }

struct Link {
  std::optional<std::int64_t> parent_id;
  std::optional<std::int64_t> author_id;
  bool published_kind = false;  // approved: a line never runs through it
};

std::optional<Link> link_of(db::Connection& c, std::int64_t revision_id) {
  auto st = c.prepare("SELECT parent_id, author_id, review_state = ?2 FROM revision WHERE id = ?1");
  st.bind(1, revision_id).bind(2, approved());
  if (!st.step()) return std::nullopt;
  return Link{st.optional_int64(0), st.optional_int64(1), st.int64(2) != 0};
}

void bind_authors(db::Query& st, int index,
                  const std::optional<std::vector<std::int64_t>>& authors) {
  if (authors) {
    st.bind(index, sql_id_list(*authors));
  } else {
    st.bind_null(index);
  }
}

// The newest pending revision of each author's line (each anonymous pending revision is a line
// of its own), on pages that are not deleted; binds ?1 edition (0: all), ?2 authors (NULL: all).
constexpr const char* kWaitingHeads =
    " FROM revision r JOIN page p ON p.id = r.page_id JOIN edition e ON e.id = p.edition_id"
    " WHERE r.review_state = ?4 AND r.superseded_by IS NULL AND r.hidden = 0"
    " AND p.deleted_at IS NULL AND (?1 = 0 OR p.edition_id = ?1)"
    " AND (?2 IS NULL OR r.author_id IN (SELECT value FROM json_each(?2)))"
    " AND NOT EXISTS (SELECT 1 FROM revision n WHERE n.page_id = r.page_id"
    " AND n.author_id = r.author_id AND n.id > r.id AND n.review_state = ?4"
    " AND n.superseded_by IS NULL)";

}  // namespace

std::optional<StoredRevision> unpublished_head(db::Connection& c, std::int64_t edition_id,
                                               std::int64_t page_id, std::int64_t author_id) {
  auto st = c.prepare(
      "SELECT id, review_state = ?3 OR hidden != 0 OR superseded_by IS NOT NULL FROM revision"
      " WHERE page_id = ?1 AND author_id = ?2 ORDER BY id DESC LIMIT 1");
  st.bind(1, page_id).bind(2, author_id).bind(3, approved());
  if (!st.step() || st.int64(1) != 0) return std::nullopt;
  const std::int64_t id = st.int64(0);
  return load_revision(c, edition_id, id);
}

std::optional<std::int64_t> line_root(db::Connection& c, const RevisionInfo& rev) {
  std::optional<std::int64_t> at = rev.parent_id;
  if (!rev.author_id) return at;
  while (at) {
    auto link = link_of(c, *at);
    if (!link || link->published_kind || link->author_id != rev.author_id) return at;
    at = link->parent_id;
  }
  return std::nullopt;
}

std::vector<PendingRow> pending_line(db::Connection& c, const RevisionInfo& head) {
  auto st = c.prepare(
      "SELECT r.id, r.author_id, u.class_id, r.summary FROM revision r"
      " LEFT JOIN user u ON u.id = r.author_id WHERE r.page_id = ?1 AND r.id <= ?2"
      " AND r.review_state = ?4 AND r.superseded_by IS NULL"
      " AND (r.id = ?2 OR (?3 IS NOT NULL AND r.author_id = ?3)) ORDER BY r.id");
  st.bind(1, head.page_id).bind(2, head.id).bind(3, head.author_id).bind(4, pending());
  std::vector<PendingRow> out;
  while (st.step()) {
    out.push_back({st.int64(0), st.optional_int64(1), st.optional_int64(2), st.text(3)});
  }
  return out;
}

void record_decision(db::Connection& c, std::int64_t revision_id, ReviewState state,
                     std::optional<std::int64_t> reviewer_id, std::string_view message) {
  c.prepare("UPDATE revision SET review_state = ?, reviewer_id = ?, reviewed_at = ?,"
            " review_message = ? WHERE id = ?")
      .bind(1, review_state_name(state)).bind(2, reviewer_id).bind(3, now_iso8601())
      .bind(4, message).bind(5, revision_id).run();
}

void mark_superseded(db::Connection& c, std::int64_t revision_id, std::int64_t by) {
  c.prepare("UPDATE revision SET superseded_by = ?, reviewed_at = ? WHERE id = ?")
      .bind(1, by).bind(2, now_iso8601()).bind(3, revision_id).run();
}

std::string decided_by(db::Connection& c, std::int64_t revision_id) {
  auto st = c.prepare(
      "SELECT COALESCE(u.name, '') FROM revision r LEFT JOIN user u ON u.id = r.reviewer_id"
      " WHERE r.id = ?");
  st.bind(1, revision_id);
  return st.step() ? st.text(0) : std::string();
}

std::vector<ReviewItem> waiting_lines(db::Connection& c, std::int64_t edition_id,
                                      const std::optional<std::vector<std::int64_t>>& authors,
                                      int limit) {
  if (limit <= 0 || (authors && authors->empty())) return {};
  // Why the author filter is in SQL: a teacher's queue must not read every pending page.
  auto st = c.prepare(std::string("SELECT ") + kRevisionInfoColumns +
                      ", p.visible_revision_id, e.lang" + kWaitingHeads +
                      " ORDER BY (SELECT MIN(m.id) FROM revision m WHERE m.page_id = r.page_id"
                      " AND m.review_state = ?4 AND m.superseded_by IS NULL"
                      " AND (m.id = r.id OR m.author_id = r.author_id)) LIMIT ?3");
  st.bind(1, edition_id).bind(3, std::int64_t{limit}).bind(4, pending());
  bind_authors(st, 2, authors);
  std::vector<ReviewItem> out;
  while (st.step()) {
    ReviewItem item;
    item.latest = read_revision_info(st, 0);
    item.approved_revision_id = st.optional_int64(kRevisionInfoColumnCount);
    item.author_id = item.latest.author_id;
    item.lang = st.text(kRevisionInfoColumnCount + 1);
    out.push_back(std::move(item));
  }
  return out;
}

int waiting_lines_on_page(db::Connection& c, std::int64_t page_id,
                          const std::optional<std::vector<std::int64_t>>& authors) {
  if (authors && authors->empty()) return 0;
  auto st = c.prepare(std::string("SELECT COUNT(*)") + kWaitingHeads + " AND r.page_id = ?3");
  st.bind(1, std::int64_t{0}).bind(3, page_id).bind(4, pending());
  bind_authors(st, 2, authors);
  st.step();
  return static_cast<int>(st.int64(0));
}

}  // namespace kidwiki::engine

#include "store/page_lists.h"

namespace kidwiki::engine {
namespace {

std::int64_t ns_of(const Title& t) { return static_cast<int>(t.ns); }

std::vector<PageListEntry> entries_of(db::Query& st) {
  std::vector<PageListEntry> out;
  while (st.step()) {
    out.push_back({Title{static_cast<Namespace>(st.int64(0)), st.text(1)}, st.int64(2) != 0});
  }
  return out;
}

}  // namespace

std::vector<PageListEntry> pages_linking_to(db::Connection& c, std::int64_t edition_id,
                                            const Title& title) {
  auto st = c.prepare(
      "SELECT p.ns, p.title, p.is_redirect FROM page p WHERE p.visible_revision_id IS NOT NULL"
      " AND p.deleted_at IS NULL"
      " AND (p.id IN (SELECT from_page_id FROM page_link WHERE edition_id = ?1 AND to_ns = ?2"
      " AND to_title = ?3) OR p.id IN (SELECT page_id FROM redirect WHERE edition_id = ?1"
      " AND to_ns = ?2 AND to_title = ?3))");
  st.bind(1, edition_id).bind(2, ns_of(title)).bind(3, title.text);
  return entries_of(st);
}

std::vector<PageListEntry> pages_in_namespace(db::Connection& c, std::int64_t edition_id,
                                              Namespace ns) {
  auto st = c.prepare(
      "SELECT ns, title, is_redirect FROM page WHERE edition_id = ? AND ns = ?"
      " AND visible_revision_id IS NOT NULL AND deleted_at IS NULL");
  st.bind(1, edition_id).bind(2, std::int64_t{static_cast<int>(ns)});
  return entries_of(st);
}

std::vector<PageListEntry> pages_in_category(db::Connection& c, std::int64_t edition_id,
                                             const std::string& category) {
  auto st = c.prepare(
      "SELECT p.ns, p.title, p.is_redirect FROM category_link c JOIN page p ON p.id = c.page_id"
      " WHERE c.edition_id = ? AND c.category = ? AND p.visible_revision_id IS NOT NULL"
      " AND p.deleted_at IS NULL");
  st.bind(1, edition_id).bind(2, category);
  return entries_of(st);
}

CategoryArticles category_articles(db::Connection& c, std::int64_t edition_id,
                                   const std::string& category, int limit) {
  static constexpr const char* kFrom =
      " FROM category_link c JOIN page p ON p.id = c.page_id"
      " WHERE c.edition_id = ? AND c.category = ? AND p.ns = 0 AND p.is_redirect = 0"
      " AND p.visible_revision_id IS NOT NULL AND p.deleted_at IS NULL";
  CategoryArticles out;
  auto count = c.prepare(std::string("SELECT count(*)") + kFrom);
  count.bind(1, edition_id).bind(2, category);
  if (count.step()) out.count = static_cast<int>(count.int64(0));
  auto first = c.prepare(std::string("SELECT p.title") + kFrom + " ORDER BY p.title LIMIT ?");
  first.bind(1, edition_id).bind(2, category).bind(3, std::int64_t{limit});
  while (first.step()) out.first.push_back(Title{Namespace::article, first.text(0)});
  return out;
}

std::vector<Title> redirects_to(db::Connection& c, std::int64_t edition_id, const Title& title) {
  auto st = c.prepare(
      "SELECT p.ns, p.title FROM redirect r JOIN page p ON p.id = r.page_id"
      " WHERE r.edition_id = ? AND r.to_ns = ? AND r.to_title = ?"
      " AND p.visible_revision_id IS NOT NULL AND p.deleted_at IS NULL");
  st.bind(1, edition_id).bind(2, ns_of(title)).bind(3, title.text);
  std::vector<Title> titles;
  while (st.step()) titles.push_back(Title{static_cast<Namespace>(st.int64(0)), st.text(1)});
  return titles;
}

std::optional<Title> random_article(db::Connection& c, std::int64_t edition_id) {
  auto st = c.prepare(
      "SELECT title FROM page WHERE edition_id = ? AND ns = 0 AND is_redirect = 0"
      " AND visible_revision_id IS NOT NULL AND deleted_at IS NULL ORDER BY random() LIMIT 1");
  st.bind(1, edition_id);
  if (!st.step()) return std::nullopt;
  return Title{Namespace::article, st.text(0)};
}

std::vector<Title> newest_articles(db::Connection& c, std::int64_t edition_id, int limit) {
  auto st = c.prepare(
      "SELECT title FROM page WHERE edition_id = ? AND ns = 0 AND is_redirect = 0"
      " AND visible_revision_id IS NOT NULL AND deleted_at IS NULL ORDER BY id DESC LIMIT ?");
  st.bind(1, edition_id).bind(2, std::int64_t{limit});
  std::vector<Title> titles;
  while (st.step()) titles.push_back(Title{Namespace::article, st.text(0)});
  return titles;
}

std::vector<std::int64_t> page_ids_of_edition(db::Connection& c, std::int64_t edition_id) {
  auto st = c.prepare("SELECT id FROM page WHERE edition_id = ? ORDER BY id");
  st.bind(1, edition_id);
  std::vector<std::int64_t> ids;
  while (st.step()) ids.push_back(st.int64(0));
  return ids;
}

}  // namespace kidwiki::engine

#include "store/page_writer.h"

#include "store/clock.h"

#include <set>
#include <string>
#include <utility>

namespace kidwiki::engine {
namespace {

std::int64_t ns_of(const Title& t) { return static_cast<int>(t.ns); }

std::optional<Title> current_redirect(db::Connection& c, std::int64_t page_id) {
  auto st = c.prepare("SELECT to_ns, to_title FROM redirect WHERE page_id = ?");
  st.bind(1, page_id);
  if (!st.step()) return std::nullopt;
  return Title{static_cast<Namespace>(st.int64(0)), st.text(1)};
}

// A redirect is indexed as an alternative title of its target: when a page starts or stops
// redirecting somewhere, that target's index entry changes too.
void queue_redirect_target(db::Connection& c, std::int64_t edition_id, const Title& target) {
  if (auto p = find_page(c, edition_id, target)) queue_for_search(c, edition_id, p->id);
}

// Deletes the rows of `present` that are not `wanted`, then inserts those missing.
template <class Row, class Erase, class Insert>
void sync_rows(const std::set<Row>& present, const std::set<Row>& wanted, Erase erase,
               Insert insert) {
  for (const Row& row : present) {
    if (!wanted.count(row)) erase(row);
  }
  for (const Row& row : wanted) {
    if (!present.count(row)) insert(row);
  }
}

using LinkRow = std::pair<std::int64_t, std::string>;  // namespace, title

// Only what changed is written. Most edits keep their links, and the link tables' target indexes
// are large and in random order: deleting and inserting every link of the page again (about 300
// b-tree changes for a typical article, each dirtying a page the commit writes to the WAL) made
// a save's cost grow with the wiki (docs/performance.md).
void replace_page_links(db::Connection& c, const PageRow& page, const std::vector<Title>& links) {
  std::set<LinkRow> present, wanted;
  auto st = c.prepare("SELECT to_ns, to_title FROM page_link WHERE from_page_id = ?");
  st.bind(1, page.id);
  while (st.step()) present.emplace(st.int64(0), st.text(1));
  for (const Title& l : links) wanted.emplace(ns_of(l), l.text);
  sync_rows(present, wanted, [&](const LinkRow& r) {
    c.prepare("DELETE FROM page_link WHERE from_page_id = ? AND to_ns = ? AND to_title = ?")
        .bind(1, page.id).bind(2, r.first).bind(3, r.second).run();
  }, [&](const LinkRow& r) {
    c.prepare("INSERT INTO page_link (from_page_id, edition_id, to_ns, to_title) VALUES (?, ?, ?, ?)")
        .bind(1, page.id).bind(2, page.edition_id).bind(3, r.first).bind(4, r.second).run();
  });
}

void replace_categories(db::Connection& c, const PageRow& page,
                        const std::vector<std::string>& categories) {
  std::set<std::string> present, wanted(categories.begin(), categories.end());
  auto st = c.prepare("SELECT category FROM category_link WHERE page_id = ?");
  st.bind(1, page.id);
  while (st.step()) present.insert(st.text(0));
  sync_rows(present, wanted, [&](const std::string& cat) {
    c.prepare("DELETE FROM category_link WHERE page_id = ? AND category = ?")
        .bind(1, page.id).bind(2, cat).run();
  }, [&](const std::string& cat) {
    c.prepare("INSERT INTO category_link (page_id, edition_id, category) VALUES (?, ?, ?)")
        .bind(1, page.id).bind(2, page.edition_id).bind(3, cat).run();
  });
}

void replace_langlinks(db::Connection& c, const PageRow& page, const std::vector<LangLink>& links) {
  using Row = std::pair<std::string, std::string>;  // language, title
  std::set<Row> present, wanted;
  std::set<std::string> languages;
  for (const LangLink& l : links) {
    if (languages.insert(l.lang).second) wanted.emplace(l.lang, l.title);  // the first one wins
  }
  auto st = c.prepare("SELECT lang, title FROM lang_link WHERE page_id = ?");
  st.bind(1, page.id);
  while (st.step()) present.emplace(st.text(0), st.text(1));
  sync_rows(present, wanted, [&](const Row& r) {
    c.prepare("DELETE FROM lang_link WHERE page_id = ? AND lang = ?").bind(1, page.id).bind(2, r.first).run();
  }, [&](const Row& r) {
    c.prepare("INSERT INTO lang_link (page_id, lang, title) VALUES (?, ?, ?)")
        .bind(1, page.id).bind(2, r.first).bind(3, r.second).run();
  });
}

void replace_links(db::Connection& c, const PageRow& page, const RevisionMeta& meta) {
  replace_page_links(c, page, meta.links);
  replace_categories(c, page, meta.categories);
  replace_langlinks(c, page, meta.langlinks);
}

void replace_redirect(db::Connection& c, const PageRow& page, const RevisionMeta& meta) {
  auto before = current_redirect(c, page.id);
  if (before == meta.redirect) return;
  c.prepare("DELETE FROM redirect WHERE page_id = ?").bind(1, page.id).run();
  if (meta.redirect) {
    c.prepare("INSERT INTO redirect (page_id, edition_id, to_ns, to_title) VALUES (?, ?, ?, ?)")
        .bind(1, page.id).bind(2, page.edition_id).bind(3, ns_of(*meta.redirect))
        .bind(4, meta.redirect->text).run();
    queue_redirect_target(c, page.edition_id, *meta.redirect);
  }
  if (before) queue_redirect_target(c, page.edition_id, *before);
}

}  // namespace

std::int64_t insert_page(db::Connection& c, std::int64_t edition_id, const Title& title) {
  c.prepare("INSERT INTO page (edition_id, ns, title, created_at) VALUES (?, ?, ?, ?)")
      .bind(1, edition_id).bind(2, ns_of(title)).bind(3, title.text).bind(4, now_iso8601()).run();
  return c.last_insert_id();
}

std::int64_t insert_revision(db::Connection& c, const NewRevision& r) {
  c.prepare("INSERT INTO revision (page_id, parent_id, author, created_at, summary, size, markdown,"
            " html, plain_text, meta, review_state, author_id)"
            " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
      .bind(1, r.page_id).bind(2, r.parent_id).bind(3, r.author)
      .bind(4, r.created_at.empty() ? now_iso8601() : r.created_at).bind(5, r.summary).bind(6, static_cast<std::int64_t>(r.markdown.size())).bind(7, r.markdown)
      .bind(8, r.html).bind(9, r.plain_text).bind(10, encode_meta(r.meta))
      .bind(11, review_state_name(r.review)).bind(12, r.author_id).run();
  return c.last_insert_id();
}

void publish(db::Connection& c, const PageRow& page, std::int64_t revision_id,
             const RevisionMeta& meta) {
  c.prepare("UPDATE page SET visible_revision_id = ?, is_redirect = ? WHERE id = ?")
      .bind(1, revision_id).bind(2, std::int64_t{meta.redirect ? 1 : 0}).bind(3, page.id).run();
  replace_links(c, page, meta);
  replace_redirect(c, page, meta);
  queue_for_search(c, page.edition_id, page.id);
}

void unpublish(db::Connection& c, const PageRow& page) {
  c.prepare("UPDATE page SET visible_revision_id = NULL, is_redirect = 0 WHERE id = ?")
      .bind(1, page.id).run();
  RevisionMeta nothing;
  replace_links(c, page, nothing);
  replace_redirect(c, page, nothing);
  queue_for_search(c, page.edition_id, page.id);
}

void set_latest(db::Connection& c, std::int64_t page_id, std::int64_t revision_id) {
  c.prepare("UPDATE page SET latest_revision_id = ? WHERE id = ?")
      .bind(1, revision_id).bind(2, page_id).run();
}

void queue_for_search(db::Connection& c, std::int64_t edition_id, std::int64_t page_id) {
  c.prepare("INSERT INTO search_outbox (edition_id, page_id, queued_at) VALUES (?, ?, ?)")
      .bind(1, edition_id).bind(2, page_id).bind(3, now_iso8601()).run();
}

void rename_page(db::Connection& c, std::int64_t page_id, const Title& title) {
  c.prepare("UPDATE page SET ns = ?, title = ? WHERE id = ?")
      .bind(1, ns_of(title)).bind(2, title.text).bind(3, page_id).run();
}

}  // namespace kidwiki::engine

#include "store/page_writer.h"

#include "store/clock.h"

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

void replace_links(db::Connection& c, const PageRow& page, const RevisionMeta& meta) {
  c.prepare("DELETE FROM page_link WHERE from_page_id = ?").bind(1, page.id).run();
  c.prepare("DELETE FROM category_link WHERE page_id = ?").bind(1, page.id).run();
  c.prepare("DELETE FROM lang_link WHERE page_id = ?").bind(1, page.id).run();
  for (const auto& l : meta.links) {
    c.prepare("INSERT OR IGNORE INTO page_link (from_page_id, edition_id, to_ns, to_title)"
              " VALUES (?, ?, ?, ?)")
        .bind(1, page.id).bind(2, page.edition_id).bind(3, ns_of(l)).bind(4, l.text).run();
  }
  for (const auto& cat : meta.categories) {
    c.prepare("INSERT OR IGNORE INTO category_link (page_id, edition_id, category) VALUES (?, ?, ?)")
        .bind(1, page.id).bind(2, page.edition_id).bind(3, cat).run();
  }
  for (const auto& l : meta.langlinks) {
    c.prepare("INSERT OR IGNORE INTO lang_link (page_id, lang, title) VALUES (?, ?, ?)")
        .bind(1, page.id).bind(2, l.lang).bind(3, l.title).run();
  }
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
      .bind(1, r.page_id).bind(2, r.parent_id).bind(3, r.author).bind(4, now_iso8601())
      .bind(5, r.summary).bind(6, static_cast<std::int64_t>(r.markdown.size())).bind(7, r.markdown)
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

// Lists over the wiki: history, recent changes, diffs, backlinks, all pages, categories, and the
// search index's feed.
#include <algorithm>

#include "i18n/collator.h"
#include "policy/revision_visibility.h"
#include "store/sql_id_list.h"
#include "wiki/wiki_impl.h"

namespace kidwiki::engine {
namespace {

constexpr std::int64_t kNoLimit = INT64_MAX;

std::int64_t ns_of(const Title& t) { return static_cast<int>(t.ns); }

Page page_of(db::Query& st, int limit) {
  Page page;
  while (st.step()) page.items.push_back(read_revision_info(st, 0));
  if (static_cast<int>(page.items.size()) > limit) {
    page.items.pop_back();
    page.next_before = page.items.back().id;
  }
  return page;
}

std::vector<PageListEntry> entries_of(db::Query& st) {
  std::vector<PageListEntry> out;
  while (st.step()) {
    out.push_back({Title{static_cast<Namespace>(st.int64(0)), st.text(1)}, st.int64(2) != 0});
  }
  return out;
}

}  // namespace

std::vector<PageListEntry> WikiImpl::collated(const Edition& ed,
                                              std::vector<PageListEntry> entries) const {
  i18n::Collator collator(ed.lang);
  std::vector<std::pair<std::string, PageListEntry>> keyed;
  keyed.reserve(entries.size());
  for (auto& e : entries) keyed.emplace_back(collator.sort_key(full_title(e.title, ed.names)), std::move(e));
  std::stable_sort(keyed.begin(), keyed.end(), [](auto& a, auto& b) { return a.first < b.first; });
  std::vector<PageListEntry> out;
  out.reserve(keyed.size());
  for (auto& k : keyed) out.push_back(std::move(k.second));
  return out;
}

namespace {

// The SQL condition for a policy::ListScope, on revision `r`; binds ?4 (every state), ?5 (the
// authors, as sql_id_list gives them) and ?6 (the approved state's name).
constexpr const char* kInScope =
    " AND (r.review_state = ?6 OR ?4 OR r.author_id IN (SELECT value FROM json_each(?5)))";

void bind_scope(db::Query& st, const policy::ListScope& scope) {
  st.bind(4, std::int64_t{scope.every_state}).bind(5, sql_id_list(scope.also_authors));
  st.bind(6, review_state_name(ReviewState::approved));
}

Page listed(const Actor& actor, Page page) {
  for (auto& item : page.items) item = policy::as_listed(actor, std::move(item));
  return page;
}

}  // namespace

Result<Page> WikiImpl::history(const Actor& actor, const Edition& ed, const Title& title, int limit,
                               std::optional<std::int64_t> before) {
  limit = std::clamp(limit, 1, options_.max_list_limit);
  return guard_storage([&]() -> Result<Page> {
    auto reader = readers_->lease();
    auto page = find_page(*reader, ed.id, title);
    if (!page || page->deleted) return make_error(ErrorCode::not_found, "error-page-not-found", {{"title", full_title(title, ed.names)}});
    auto st = reader->prepare(std::string("SELECT ") + kRevisionInfoColumns +
                               " FROM revision r JOIN page p ON p.id = r.page_id"
                               " WHERE r.page_id = ?1 AND r.id < ?2" + kInScope +
                               " ORDER BY r.id DESC LIMIT ?3");
    st.bind(1, page->id).bind(2, before.value_or(kNoLimit)).bind(3, std::int64_t{limit + 1});
    bind_scope(st, policy::list_scope(*reader, actor));
    return listed(actor, page_of(st, limit));
  });
}

Result<Page> WikiImpl::recent_changes(const Actor& actor, const Edition& ed, int limit,
                                      std::optional<std::int64_t> before) {
  limit = std::clamp(limit, 1, options_.max_list_limit);
  return guard_storage([&]() -> Result<Page> {
    auto reader = readers_->lease();
    auto st = reader->prepare(std::string("SELECT ") + kRevisionInfoColumns +
                               " FROM revision r JOIN page p ON p.id = r.page_id"
                               " WHERE p.edition_id = ?1 AND r.id < ?2 AND p.deleted_at IS NULL" +
                               kInScope + " ORDER BY r.id DESC LIMIT ?3");
    st.bind(1, ed.id).bind(2, before.value_or(kNoLimit)).bind(3, std::int64_t{limit + 1});
    bind_scope(st, policy::list_scope(*reader, actor));
    return listed(actor, page_of(st, limit));
  });
}

Result<DiffResult> WikiImpl::diff(const Actor& actor, const Edition& ed, std::int64_t from_revision,
                                  std::int64_t to_revision) {
  auto from = revision(actor, ed, from_revision);
  if (!from) return from.error();
  auto to = revision(actor, ed, to_revision);
  if (!to) return to.error();
  return diff_texts(from->markdown, to->markdown);
}

std::vector<PageListEntry> WikiImpl::backlinks(const Edition& ed, const Title& title) {
  std::vector<PageListEntry> entries;
  {
    auto reader = readers_->lease();
    auto st = reader->prepare(
        "SELECT p.ns, p.title, p.is_redirect FROM page p WHERE p.visible_revision_id IS NOT NULL"
        " AND p.deleted_at IS NULL"
        " AND (p.id IN (SELECT from_page_id FROM page_link WHERE edition_id = ?1 AND to_ns = ?2"
        " AND to_title = ?3) OR p.id IN (SELECT page_id FROM redirect WHERE edition_id = ?1"
        " AND to_ns = ?2 AND to_title = ?3))");
    st.bind(1, ed.id).bind(2, ns_of(title)).bind(3, title.text);
    entries = entries_of(st);
  }
  return collated(ed, std::move(entries));
}

std::vector<PageListEntry> WikiImpl::all_pages(const Edition& ed, Namespace ns) {
  std::vector<PageListEntry> entries;
  {
    auto reader = readers_->lease();
    auto st = reader->prepare(
        "SELECT ns, title, is_redirect FROM page WHERE edition_id = ? AND ns = ?"
        " AND visible_revision_id IS NOT NULL AND deleted_at IS NULL");
    st.bind(1, ed.id).bind(2, std::int64_t{static_cast<int>(ns)});
    entries = entries_of(st);
  }
  return collated(ed, std::move(entries));
}

std::vector<PageListEntry> WikiImpl::category_members(const Edition& ed, const std::string& category) {
  std::vector<PageListEntry> entries;
  {
    auto reader = readers_->lease();
    auto st = reader->prepare(
        "SELECT p.ns, p.title, p.is_redirect FROM category_link c JOIN page p ON p.id = c.page_id"
        " WHERE c.edition_id = ? AND c.category = ? AND p.visible_revision_id IS NOT NULL"
        " AND p.deleted_at IS NULL");
    st.bind(1, ed.id).bind(2, category);
    entries = entries_of(st);
  }
  return collated(ed, std::move(entries));
}

std::optional<Title> WikiImpl::random_page(const Edition& ed) {
  auto reader = readers_->lease();
  auto st = reader->prepare(
      "SELECT title FROM page WHERE edition_id = ? AND ns = 0 AND is_redirect = 0"
      " AND visible_revision_id IS NOT NULL AND deleted_at IS NULL ORDER BY random() LIMIT 1");
  st.bind(1, ed.id);
  if (!st.step()) return std::nullopt;
  return Title{Namespace::article, st.text(0)};
}

std::vector<OutboxEntry> WikiImpl::outbox_peek(int limit) {
  auto reader = readers_->lease();
  auto st = reader->prepare(
      "SELECT o.id, e.lang, o.page_id FROM search_outbox o JOIN edition e ON e.id = o.edition_id"
      " ORDER BY o.id LIMIT ?");
  st.bind(1, std::int64_t{limit});
  std::vector<OutboxEntry> out;
  while (st.step()) out.push_back({st.int64(0), st.text(1), st.int64(2)});
  return out;
}

void WikiImpl::outbox_ack(std::int64_t last_id) {
  std::lock_guard lock(writer_mutex_);
  writer_->prepare("DELETE FROM search_outbox WHERE id <= ?").bind(1, last_id).run();
}

std::optional<IndexablePage> WikiImpl::indexable_page(std::int64_t page_id) {
  auto reader = readers_->lease();
  auto page = page_by_id(*reader, page_id);
  if (!page || page->deleted || !page->visible_revision_id || page->is_redirect) return std::nullopt;
  const Edition* ed = nullptr;
  for (const auto& e : editions_) if (e.id == page->edition_id) ed = &e;
  auto rev = ed ? load_revision(*reader, ed->id, *page->visible_revision_id) : std::nullopt;
  if (!rev) return std::nullopt;
  IndexablePage out{page->id, ed->lang, page->title, full_title(page->title, ed->names), rev->info.id,
                    rev->plain_text, decode_meta(rev->meta).categories, {}};
  auto st = reader->prepare(
      "SELECT p.ns, p.title FROM redirect r JOIN page p ON p.id = r.page_id"
      " WHERE r.edition_id = ? AND r.to_ns = ? AND r.to_title = ? AND p.visible_revision_id IS NOT NULL"
      " AND p.deleted_at IS NULL");
  st.bind(1, ed->id).bind(2, ns_of(page->title)).bind(3, page->title.text);
  while (st.step()) {
    out.redirect_titles.push_back(full_title(Title{static_cast<Namespace>(st.int64(0)), st.text(1)}, ed->names));
  }
  return out;
}

std::vector<std::int64_t> WikiImpl::page_ids(const Edition& ed) {
  auto reader = readers_->lease();
  auto st = reader->prepare("SELECT id FROM page WHERE edition_id = ? ORDER BY id");
  st.bind(1, ed.id);
  std::vector<std::int64_t> ids;
  while (st.step()) ids.push_back(st.int64(0));
  return ids;
}

}  // namespace kidwiki::engine

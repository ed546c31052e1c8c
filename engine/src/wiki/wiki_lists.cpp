// Lists over the wiki: history, recent changes, diffs, backlinks, all pages, categories, and the
// search index's feed.
#include <algorithm>

#include "i18n/collator.h"
#include "policy/revision_visibility.h"
#include "store/page_lists.h"
#include "store/revision_lists.h"
#include "store/search_outbox.h"
#include "wiki/wiki_impl.h"

namespace kidwiki::engine {

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
    auto scope = policy::list_scope(*reader, actor);
    return listed(actor, page_history(*reader, page->id, before, limit, scope.every_state,
                                      scope.also_authors));
  });
}

Result<Page> WikiImpl::recent_changes(const Actor& actor, const Edition& ed, int limit,
                                      std::optional<std::int64_t> before) {
  limit = std::clamp(limit, 1, options_.max_list_limit);
  return guard_storage([&]() -> Result<Page> {
    auto reader = readers_->lease();
    auto scope = policy::list_scope(*reader, actor);
    return listed(actor, recent_revisions(*reader, ed.id, before, limit, scope.every_state,
                                          scope.also_authors));
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
    entries = pages_linking_to(*reader, ed.id, title);
  }
  return collated(ed, std::move(entries));
}

std::vector<PageListEntry> WikiImpl::all_pages(const Edition& ed, Namespace ns) {
  std::vector<PageListEntry> entries;
  {
    auto reader = readers_->lease();
    entries = pages_in_namespace(*reader, ed.id, ns);
  }
  return collated(ed, std::move(entries));
}

std::vector<PageListEntry> WikiImpl::category_members(const Edition& ed, const std::string& category) {
  std::vector<PageListEntry> entries;
  {
    auto reader = readers_->lease();
    entries = pages_in_category(*reader, ed.id, category);
  }
  return collated(ed, std::move(entries));
}

std::optional<Title> WikiImpl::random_page(const Edition& ed) {
  auto reader = readers_->lease();
  return random_article(*reader, ed.id);
}

std::vector<OutboxEntry> WikiImpl::outbox_peek(int limit) {
  auto reader = readers_->lease();
  return outbox_entries(*reader, limit);
}

void WikiImpl::outbox_ack(std::int64_t last_id) {
  std::lock_guard lock(writer_mutex_);
  delete_outbox_through(*writer_, last_id);
}

std::int64_t WikiImpl::outbox_mark() {
  auto reader = readers_->lease();
  return outbox_newest_id(*reader);
}

void WikiImpl::outbox_ack_edition(std::string_view lang, std::int64_t mark) {
  std::lock_guard lock(writer_mutex_);
  delete_edition_outbox_through(*writer_, lang, mark);
}

std::optional<IndexablePage> WikiImpl::indexable_page(std::int64_t page_id) {
  auto reader = readers_->lease();
  auto page = page_by_id(*reader, page_id);
  if (!page || page->deleted || !page->visible_revision_id || page->is_redirect) return std::nullopt;
  const std::optional<Edition> ed = editions_.by_id(page->edition_id);
  auto rev = ed ? load_revision(*reader, ed->id, *page->visible_revision_id) : std::nullopt;
  if (!rev) return std::nullopt;
  IndexablePage out{page->id, ed->lang, page->title, full_title(page->title, ed->names), rev->info.id,
                    rev->plain_text, decode_meta(rev->meta).categories, {}};
  for (const auto& redirect : redirects_to(*reader, ed->id, page->title)) {
    out.redirect_titles.push_back(full_title(redirect, ed->names));
  }
  return out;
}

std::vector<std::int64_t> WikiImpl::page_ids(const Edition& ed) {
  auto reader = readers_->lease();
  return page_ids_of_edition(*reader, ed.id);
}

}  // namespace kidwiki::engine

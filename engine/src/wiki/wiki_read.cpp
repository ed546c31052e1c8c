// Page views: what readers see, what an author works on, and single revisions, with links
// assembled; which revisions exist for whom is policy/revision_visibility.h.
#include "policy/review_scope.h"
#include "policy/revision_visibility.h"
#include "render/link_assembly.h"
#include "render/picture_assembly.h"
#include "store/media_store.h"
#include "store/review_store.h"
#include "wiki/wiki_impl.h"

namespace kidwiki::engine {
namespace {

Error page_not_found(const Edition& ed, const Title& title) {
  return make_error(ErrorCode::not_found, "error-page-not-found",
                    {{"title", full_title(title, ed.names)}});
}

Error revision_not_found(std::int64_t id) {
  return make_error(ErrorCode::not_found, "error-revision-not-found", {{"id", id}});
}

// The revisions of a deleted page are gone with it, for everyone, until it is restored.
bool of_deleted_page(db::Connection& c, const StoredRevision& rev) {
  auto page = page_by_id(c, rev.info.page_id);
  return !page || page->deleted;
}

}  // namespace

PageView WikiImpl::view_of(const Edition& ed, const StoredRevision& rev) {
  return view_of(ed, rev, {options_.page_address, options_.media_address});
}

PageView WikiImpl::view_of(const Edition& ed, const StoredRevision& rev,
                           const ViewAddresses& addresses) {
  PageView view;
  view.title = rev.info.title;
  view.revision = rev.info;
  view.markdown = rev.markdown;
  view.html = assemble(ed, rev.html, addresses);
  auto meta = decode_meta(rev.meta);
  view.categories = std::move(meta.categories);
  view.langlinks = std::move(meta.langlinks);
  view.redirect_target = meta.redirect;
  if (rev.info.title.ns == Namespace::file) {
    auto reader = readers_->lease();
    view.file = file_of_revision(*reader, rev.info.id);
  }
  return view;
}

std::string WikiImpl::assemble(const Edition& ed, const std::string& stored_html) {
  return assemble(ed, stored_html, {options_.page_address, options_.media_address});
}

std::string WikiImpl::assemble(const Edition& ed, const std::string& stored_html,
                               const ViewAddresses& addresses) {
  auto reader = readers_->lease();
  std::string html = assemble_links(
      stored_html, ed,
      [&](const std::vector<Title>& titles) { return pages_visible(*reader, ed.id, titles); },
      addresses.page);
  auto pictures = [&](const std::vector<Title>& titles) {
    std::vector<std::optional<FileInfo>> found;
    for (const Title& t : titles) found.push_back(visible_picture(*reader, ed.id, t.text));
    return found;
  };
  return assemble_pictures(html, ed, pictures, addresses.page, addresses.media);
}

Result<StoredRevision> WikiImpl::published_revision(const Edition& ed, const Title& title) {
  auto reader = readers_->lease();
  auto page = find_page(*reader, ed.id, title);
  if (!page || page->deleted || !page->visible_revision_id) return page_not_found(ed, title);
  auto rev = load_revision(*reader, ed.id, *page->visible_revision_id);
  if (!rev) return page_not_found(ed, title);
  return std::move(*rev);
}

Result<PageView> WikiImpl::read(const Actor& actor, const Edition& ed, const Title& title,
                                bool follow_redirect) {
  return guard_storage([&]() -> Result<PageView> {
    auto rev = published_revision(ed, title);
    if (!rev) return rev.error();
    auto view = view_of(ed, rev.value());
    if (!follow_redirect || !view.redirect_target) return view;
    // Followed once only: a redirect to a redirect shows the second one, never loops.
    auto target = read(actor, ed, *view.redirect_target, /*follow_redirect=*/false);
    if (!target) return view;
    target->redirected_from = title;
    return target;
  });
}

// Every actor reads the published revision, as read(): the actor is taken for the same contract.
Result<PageView> WikiImpl::read_for_export(const Actor&, const Edition& ed, const Title& title,
                                           const ViewAddresses& addresses) {
  return guard_storage([&]() -> Result<PageView> {
    auto rev = published_revision(ed, title);
    if (!rev) return rev.error();
    return view_of(ed, rev.value(), addresses);
  });
}

Result<PageView> WikiImpl::read_own(const Actor& actor, const Edition& ed, const Title& title) {
  return guard_storage([&]() -> Result<PageView> {
    std::optional<StoredRevision> rev;
    int waiting = 0;
    {
      auto reader = readers_->lease();
      auto page = find_page(*reader, ed.id, title);
      if (!page || page->deleted) return page_not_found(ed, title);
      if (actor.id()) rev = unpublished_head(*reader, ed.id, page->id, *actor.id());
      if (!rev && page->visible_revision_id) {
        rev = load_revision(*reader, ed.id, *page->visible_revision_id);
      }
      if (!rev) return page_not_found(ed, title);
      if (actor.may(Action::review_class)) {
        waiting = waiting_lines_on_page(*reader, page->id, policy::reviewed_authors(*reader, actor));
      }
    }
    auto view = view_of(ed, *rev);
    view.waiting_for_review = waiting;
    return view;
  });
}

Result<StoredRevision> WikiImpl::visible_revision(const Actor& actor, const Edition& ed,
                                                  std::int64_t revision_id) {
  return guard_storage([&]() -> Result<StoredRevision> {
    auto reader = readers_->lease();
    auto rev = load_revision(*reader, ed.id, revision_id);
    if (!rev || of_deleted_page(*reader, *rev)) return revision_not_found(revision_id);
    if (auto refused = policy::may_see(*reader, actor, rev->info); !refused) return refused.error();
    return *rev;
  });
}

Result<PageView> WikiImpl::read_revision(const Actor& actor, const Edition& ed,
                                         std::int64_t revision_id) {
  auto rev = visible_revision(actor, ed, revision_id);
  if (!rev) return rev.error();
  return view_of(ed, rev.value());
}

Result<Revision> WikiImpl::revision(const Actor& actor, const Edition& ed,
                                    std::int64_t revision_id) {
  auto rev = visible_revision(actor, ed, revision_id);
  if (!rev) return rev.error();
  return Revision{rev->info, rev->markdown};
}

bool WikiImpl::exists(const Edition& ed, const Title& title) {
  auto reader = readers_->lease();
  return page_visible(*reader, ed.id, title);
}

}  // namespace kidwiki::engine

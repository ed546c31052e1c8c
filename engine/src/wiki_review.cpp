// Pending changes: a revision that needs review is stored but not published; readers, search and
// link tables keep the last approved revision until a reviewer approves.
#include <algorithm>

#include "i18n/text.h"
#include "page_writer.h"
#include "wiki_impl.h"

namespace kidwiki::engine {

Result<PageView> WikiImpl::read_latest(const Edition& ed, const Title& title) {
  return guard_storage([&]() -> Result<PageView> {
    std::optional<StoredRevision> rev;
    {
      auto reader = readers_->lease();
      auto page = find_page(*reader, ed.id, title);
      if (page && page->latest_revision_id) rev = load_revision(*reader, ed.id, *page->latest_revision_id);
    }
    if (!rev) {
      return make_error(ErrorCode::not_found, "error-page-not-found", {{"title", full_title(title, ed.names)}});
    }
    return view_of(ed, *rev);
  });
}

std::vector<ReviewItem> WikiImpl::review_queue(const Edition* ed,
                                               const std::vector<std::int64_t>& author_ids,
                                               int limit) {
  auto reader = readers_->lease();
  auto st = reader->prepare(std::string("SELECT ") + kRevisionInfoColumns +
                            ", p.visible_revision_id, r.author_id, e.lang FROM page p"
                            " JOIN revision r ON r.id = p.latest_revision_id"
                            " JOIN edition e ON e.id = p.edition_id"
                            " WHERE r.review_state = 'pending' AND (?1 = 0 OR p.edition_id = ?1)"
                            " ORDER BY (SELECT MIN(id) FROM revision WHERE page_id = p.id"
                            " AND review_state = 'pending')");
  st.bind(1, ed ? ed->id : std::int64_t{0});
  std::vector<ReviewItem> out;
  while (st.step() && static_cast<int>(out.size()) < limit) {
    ReviewItem item{read_revision_info(st, 0), st.optional_int64(11), st.optional_int64(12), st.text(13)};
    bool wanted = author_ids.empty() ||
                  (item.author_id && std::find(author_ids.begin(), author_ids.end(), *item.author_id) !=
                                         author_ids.end());
    if (wanted) out.push_back(std::move(item));
  }
  return out;
}

Result<StoredRevision> WikiImpl::pending_revision(const Edition& ed, std::int64_t revision_id) {
  auto rev = load_revision(*writer_, ed.id, revision_id);
  if (!rev) return make_error(ErrorCode::not_found, "error-revision-not-found", {{"id", revision_id}});
  if (rev->info.review != ReviewState::pending) {
    return make_error(ErrorCode::invalid_input, "error-review-not-pending", {{"id", revision_id}});
  }
  return *rev;
}

Status WikiImpl::approve(const Edition& ed, std::int64_t revision_id, std::int64_t reviewer_id) {
  return guard_storage([&]() -> Status {
    std::lock_guard lock(writer_mutex_);
    auto rev = pending_revision(ed, revision_id);
    if (!rev) return rev.error();
    auto page = page_by_id(*writer_, rev->info.page_id);
    db::Transaction tx(*writer_);
    set_review(*writer_, page->id, revision_id, ReviewState::approved, reviewer_id, "");
    publish(*writer_, *page, revision_id, decode_meta(rev->meta));
    tx.commit();
    changes_.fetch_add(1, std::memory_order_release);
    return Ok{};
  });
}

Status WikiImpl::reject(const Edition& ed, std::int64_t revision_id, std::int64_t reviewer_id,
                        const std::string& message) {
  if (message.size() > options_.max_summary_bytes || !i18n::is_valid_utf8(message)) {
    return make_error(ErrorCode::invalid_input, "error-review-bad-message");
  }
  return guard_storage([&]() -> Status {
    std::lock_guard lock(writer_mutex_);
    auto rev = pending_revision(ed, revision_id);
    if (!rev) return rev.error();
    db::Transaction tx(*writer_);
    set_review(*writer_, rev->info.page_id, revision_id, ReviewState::rejected, reviewer_id, message);
    tx.commit();
    changes_.fetch_add(1, std::memory_order_release);
    return Ok{};
  });
}

}  // namespace kidwiki::engine

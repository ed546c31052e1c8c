// Pending changes: a revision that needs review is stored but not published; readers, search and
// link tables keep the last approved revision until a reviewer approves.
#include <algorithm>

#include "audit_log.h"
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

namespace {

// The class of the revision's author: a teacher's view of the audit log shows the reviews of
// their class. Empty for an author in no class (or no account).
std::optional<std::int64_t> author_class(db::Connection& c, std::int64_t revision_id) {
  auto st = c.prepare("SELECT u.class_id FROM revision r JOIN user u ON u.id = r.author_id"
                      " WHERE r.id = ?");
  st.bind(1, revision_id);
  if (!st.step()) return std::nullopt;
  return st.optional_int64(0);
}

// Precondition: inside the review's transaction on the writer.
void audit_review(db::Connection& c, const Edition& ed, const StoredRevision& rev,
                  std::int64_t reviewer_id, const char* action, const std::string& message) {
  AuditEntry entry;
  entry.actor_id = reviewer_id;
  entry.action = action;
  entry.target_type = "revision";
  entry.target_id = rev.info.id;
  entry.target_label = ed.lang + ":" + full_title(rev.info.title, ed.names);
  entry.class_id = author_class(c, rev.info.id);
  entry.reason = message;
  append_audit(c, entry);
}

}  // namespace

Status WikiImpl::approve(const Edition& ed, std::int64_t revision_id, std::int64_t reviewer_id) {
  return guard_storage([&]() -> Status {
    std::lock_guard lock(writer_mutex_);
    auto rev = pending_revision(ed, revision_id);
    if (!rev) return rev.error();
    auto page = page_by_id(*writer_, rev->info.page_id);
    db::Transaction tx(*writer_);
    set_review(*writer_, page->id, revision_id, ReviewState::approved, reviewer_id, "");
    publish(*writer_, *page, revision_id, decode_meta(rev->meta));
    audit_review(*writer_, ed, rev.value(), reviewer_id, "approve", "");
    tx.commit();
    changes_.fetch_add(1, std::memory_order_release);
    return Ok{};
  });
}

Status WikiImpl::reject(const Edition& ed, std::int64_t revision_id, std::int64_t reviewer_id,
                        const std::string& message) {
  // The pupil must learn what to change: an empty message would leave them guessing.
  if (message.find_first_not_of(" \t\r\n") == std::string::npos) {
    return make_error(ErrorCode::invalid_input, "review-error-message-missing");
  }
  if (message.size() > kMaxReviewMessageBytes || !i18n::is_valid_utf8(message)) {
    return make_error(ErrorCode::invalid_input, "error-review-bad-message");
  }
  return guard_storage([&]() -> Status {
    std::lock_guard lock(writer_mutex_);
    auto rev = pending_revision(ed, revision_id);
    if (!rev) return rev.error();
    db::Transaction tx(*writer_);
    set_review(*writer_, rev->info.page_id, revision_id, ReviewState::rejected, reviewer_id, message);
    audit_review(*writer_, ed, rev.value(), reviewer_id, "reject", message);
    tx.commit();
    changes_.fetch_add(1, std::memory_order_release);
    return Ok{};
  });
}

}  // namespace kidwiki::engine

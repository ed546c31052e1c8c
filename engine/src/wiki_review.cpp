// Pending changes: a revision that needs review is stored but not published; readers, search and
// link tables keep the last approved revision until a reviewer approves.
#include <algorithm>

#include "audit_log.h"
#include "clock.h"
#include "i18n/text.h"
#include "page_writer.h"
#include "sql_id_list.h"
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
  if (limit <= 0) return {};
  auto reader = readers_->lease();
  // Why the author filter is in SQL: a teacher's queue must not read every pending page.
  auto st = reader->prepare(std::string("SELECT ") + kRevisionInfoColumns +
                            ", p.visible_revision_id, r.author_id, e.lang FROM page p"
                            " JOIN revision r ON r.id = p.latest_revision_id"
                            " JOIN edition e ON e.id = p.edition_id"
                            " WHERE r.review_state = 'pending' AND p.deleted_at IS NULL"
                            " AND (?1 = 0 OR p.edition_id = ?1)"
                            " AND (?2 = '[]' OR r.author_id IN (SELECT value FROM json_each(?2)))"
                            " ORDER BY (SELECT MIN(id) FROM revision WHERE page_id = p.id"
                            " AND review_state = 'pending') LIMIT ?3");
  st.bind(1, ed ? ed->id : std::int64_t{0}).bind(2, sql_id_list(author_ids)).bind(3, std::int64_t{limit});
  std::vector<ReviewItem> out;
  while (st.step()) {
    out.push_back({read_revision_info(st, 0), st.optional_int64(11), st.optional_int64(12), st.text(13)});
  }
  return out;
}

Result<StoredRevision> WikiImpl::pending_revision(const Edition& ed, std::int64_t revision_id) {
  auto rev = load_revision(*writer_, ed.id, revision_id);
  auto page = rev ? page_by_id(*writer_, rev->info.page_id) : std::nullopt;
  if (!rev || !page || page->deleted) {
    return make_error(ErrorCode::not_found, "error-revision-not-found", {{"id", revision_id}});
  }
  // Hidden text is for moderators only: a review would publish it or send it to its author.
  if (rev->info.hidden) {
    return make_error(ErrorCode::conflict, "review-error-revision-hidden", {{"id", revision_id}});
  }
  if (rev->info.review != ReviewState::pending) {
    return make_error(ErrorCode::invalid_input, "error-review-not-pending", {{"id", revision_id}});
  }
  return *rev;
}

namespace {

struct PendingRevision {
  std::int64_t id = 0;
  std::optional<std::int64_t> author_id{};
  std::optional<std::int64_t> class_id{};  // the author's class, for the audit log
};

// The pending revisions of the page up to `revision_id`, oldest first: what a review decides.
std::vector<PendingRevision> pending_up_to(db::Connection& c, std::int64_t page_id,
                                           std::int64_t revision_id) {
  auto st = c.prepare("SELECT r.id, r.author_id, u.class_id FROM revision r"
                      " LEFT JOIN user u ON u.id = r.author_id WHERE r.page_id = ? AND r.id <= ?"
                      " AND r.review_state = 'pending' ORDER BY r.id");
  st.bind(1, page_id).bind(2, revision_id);
  std::vector<PendingRevision> out;
  while (st.step()) out.push_back({st.int64(0), st.optional_int64(1), st.optional_int64(2)});
  return out;
}

bool in_scope(const ReviewScope& scope, std::optional<std::int64_t> author_id) {
  if (!scope) return true;
  return author_id && std::find(scope->begin(), scope->end(), *author_id) != scope->end();
}

// Precondition: inside the review's transaction on the writer.
void record_review(db::Connection& c, const Edition& ed, const Title& title,
                   const PendingRevision& rev, ReviewState state, std::int64_t reviewer_id,
                   const std::string& message) {
  c.prepare("UPDATE revision SET review_state = ?, reviewer_id = ?, reviewed_at = ?,"
            " review_message = ? WHERE id = ?")
      .bind(1, state == ReviewState::approved ? "approved" : "rejected")
      .bind(2, reviewer_id).bind(3, now_iso8601()).bind(4, message).bind(5, rev.id).run();
  AuditEntry entry;
  entry.actor_id = reviewer_id;
  entry.action = state == ReviewState::approved ? "approve" : "reject";
  entry.target_type = "revision";
  entry.target_id = rev.id;
  entry.target_label = ed.lang + ":" + full_title(title, ed.names);
  // Why: a teacher's view of the audit log shows the reviews of their class.
  entry.class_id = rev.class_id;
  entry.reason = message;
  append_audit(c, entry);
}

}  // namespace

Status WikiImpl::decide_review(const Edition& ed, std::int64_t revision_id,
                               std::int64_t reviewer_id, ReviewState state,
                               const std::string& message, const ReviewScope& scope) {
  auto rev = pending_revision(ed, revision_id);
  if (!rev) return rev.error();
  const auto chain = pending_up_to(*writer_, rev->info.page_id, revision_id);
  // A review decides the whole chain below: another class's pupil's edit in it is theirs to review.
  for (const auto& below : chain) {
    if (!in_scope(scope, below.author_id)) {
      return make_error(ErrorCode::conflict, "review-error-other-class", {{"id", below.id}});
    }
  }
  auto page = page_by_id(*writer_, rev->info.page_id);
  db::Transaction tx(*writer_);
  for (const auto& below : chain) {
    record_review(*writer_, ed, rev->info.title, below, state, reviewer_id, message);
  }
  if (state == ReviewState::approved) publish(*writer_, *page, revision_id, decode_meta(rev->meta));
  tx.commit();
  changes_.fetch_add(1, std::memory_order_release);
  return Ok{};
}

bool WikiImpl::is_own_edit(std::int64_t revision_id, const Editor& editor) {
  if (!editor.id) return false;
  auto edit = find_edit(revision_id);
  return edit && edit->author_id == editor.id;
}

Status WikiImpl::approve(const Edition& ed, std::int64_t revision_id, std::int64_t reviewer_id,
                         const ReviewScope& scope) {
  return guard_storage([&]() -> Status {
    std::lock_guard lock(writer_mutex_);
    return decide_review(ed, revision_id, reviewer_id, ReviewState::approved, "", scope);
  });
}

Status WikiImpl::reject(const Edition& ed, std::int64_t revision_id, std::int64_t reviewer_id,
                        const std::string& message, const ReviewScope& scope) {
  // The pupil must learn what to change: an empty message would leave them guessing.
  if (message.find_first_not_of(" \t\r\n") == std::string::npos) {
    return make_error(ErrorCode::invalid_input, "review-error-message-missing");
  }
  if (message.size() > kMaxReviewMessageBytes || !i18n::is_valid_utf8(message)) {
    return make_error(ErrorCode::invalid_input, "error-review-bad-message");
  }
  return guard_storage([&]() -> Status {
    std::lock_guard lock(writer_mutex_);
    return decide_review(ed, revision_id, reviewer_id, ReviewState::rejected, message, scope);
  });
}

}  // namespace kidwiki::engine

// Pending changes: a revision that needs review is stored but not published; readers, search and
// link tables keep the published revision until a reviewer approves.
//
// A review decides an author's line (store/review_store.h): approving its newest revision
// publishes it, merged with what was published since the line started when something was; the
// author's pending revisions below are superseded by it (reviewed with it, never published
// themselves). Sending back marks the whole line, with the reviewer's message.
#include "diff/held_marks.h"
#include "engine/diff.h"
#include "i18n/messages.h"
#include "i18n/text.h"
#include "notify/notification_events.h"
#include "policy/class_scope.h"
#include "policy/require.h"
#include "policy/review_scope.h"
#include "policy/revision_visibility.h"
#include "store/media_store.h"
#include "store/audit_log.h"
#include "store/class_store.h"
#include "store/page_writer.h"
#include "store/review_store.h"
#include "store/stale_views.h"
#include "wiki/text_form.h"
#include "wiki/wiki_impl.h"

namespace kidwiki::engine {

struct WikiImpl::Publication {
  std::optional<std::int64_t> published;  // what readers saw when it was planned
  bool merge = false;                     // the line is merged: a new revision is written
  std::string text;                       // what approving publishes
  std::optional<RenderResult> render;     // the merged text's rendering
};

namespace {

constexpr int kOptimisticAttempts = 3;

Error revision_not_found(std::int64_t id) {
  return make_error(ErrorCode::not_found, "error-revision-not-found", {{"id", id}});
}

std::string text_of(db::Connection& c, const Edition& ed, std::optional<std::int64_t> id) {
  if (!id) return "";
  auto rev = load_revision(c, ed.id, *id);
  return rev ? rev->markdown : "";
}

// Precondition: inside the review's transaction on the writer.
void audit_review(db::Connection& c, const Actor& actor, const Edition& ed, const Title& title,
                  const PendingRow& rev, ReviewState state, const std::string& message) {
  AuditEntry entry;
  entry.actor_id = actor.id();
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

Result<StoredRevision> WikiImpl::reviewable(db::Connection& c, const Actor& actor,
                                            const Edition& ed, std::int64_t revision_id) {
  if (auto refused = policy::require(actor, Action::review_class); !refused) return refused.error();
  auto rev = load_revision(c, ed.id, revision_id);
  auto page = rev ? page_by_id(c, rev->info.page_id) : std::nullopt;
  if (!rev || !page || page->deleted) return revision_not_found(revision_id);
  if (!policy::reviews_author(c, actor, rev->info.author_id)) {
    // A pupil of another class: their pending text does not exist for this reviewer.
    if (rev->info.review != ReviewState::approved) return revision_not_found(revision_id);
    return make_error(ErrorCode::forbidden, "review-error-not-your-pupil");
  }
  // Hidden text is for moderators only: a review would publish it or send it to its author.
  if (rev->info.hidden) {
    if (!policy::sees_hidden(actor)) return make_error(ErrorCode::forbidden, "review-error-hidden");
    return make_error(ErrorCode::conflict, "review-error-revision-hidden", {{"id", revision_id}});
  }
  if (rev->info.review != ReviewState::pending || rev->info.superseded) {
    // Two reviewers on one revision: the second learns who decided first.
    const std::string by = rev->info.superseded ? "" : decided_by(c, revision_id);
    if (by.empty() || by == rev->info.author) {
      return make_error(ErrorCode::invalid_input, "error-review-not-pending", {{"id", revision_id}});
    }
    return make_error(ErrorCode::conflict, "review-error-already-reviewed", {{"reviewer", by}});
  }
  return *rev;
}

Result<WikiImpl::Publication> WikiImpl::plan_publication(db::Connection& c, const Edition& ed,
                                                         const StoredRevision& head) {
  Publication plan;
  auto page = page_by_id(c, head.info.page_id);
  plan.published = page ? page->visible_revision_id : std::nullopt;
  const auto root = line_root(c, head.info);
  plan.text = head.markdown;
  if (root == plan.published) return plan;
  auto merged = merge3(text_of(c, ed, root), head.markdown, text_of(c, ed, plan.published));
  if (!merged) return make_error(ErrorCode::conflict, "review-error-overlap", {{"id", head.info.id}});
  plan.merge = true;
  plan.text = normalize_text(*merged);
  return plan;
}

std::optional<Status> WikiImpl::write_review(const Actor& actor, const Edition& ed,
                                             const StoredRevision& head, ReviewState state,
                                             const std::string& message, const Publication* plan) {
  auto still = reviewable(*writer_, actor, ed, head.info.id);
  if (!still) return Status(still.error());
  auto page = page_by_id(*writer_, head.info.page_id);
  if (plan && page->visible_revision_id != plan->published) return std::nullopt;
  const auto line = pending_line(*writer_, head.info);
  std::vector<Title> stale;  // the views an approval changes, once committed
  std::int64_t published = head.info.id;  // what an approval publishes (a merge: a new revision)
  db::Transaction tx(*writer_);
  if (state == ReviewState::rejected) {
    for (const auto& rev : line) {
      record_decision(*writer_, rev.id, state, actor.id(), message);
      audit_review(*writer_, actor, ed, head.info.title, rev, state, message);
    }
  } else {
    for (const auto& rev : line) {
      if (rev.id != head.info.id) mark_superseded(*writer_, rev.id, head.info.id);
    }
    record_decision(*writer_, head.info.id, state, actor.id(), "");
    audit_review(*writer_, actor, ed, head.info.title, line.back(), state, "");
    RevisionMeta meta = decode_meta(head.meta);
    if (plan->merge) {
      const std::string summary = i18n::Messages::builtin().format(
          ed.lang, "summary-merged-review", {{"id", head.info.id}, {"summary", head.info.summary}});
      NewRevision merged{page->id, plan->published, head.info.author, normalize_summary(summary),
                         plan->text, plan->render->html, plan->render->plain_text,
                         meta_of(*plan->render)};
      merged.author_id = head.info.author_id;
      published = insert_revision(*writer_, merged);
      // The merge publishes the author's picture with their text.
      if (auto file = file_of_revision(*writer_, head.info.id)) attach_file(*writer_, published, *file);
      record_decision(*writer_, published, state, actor.id(), "");
      set_latest(*writer_, page->id, published);
      meta = merged.meta;
    }
    if (page->title.ns == Namespace::talk) {
      tell_replies(*writer_, page->id, published, text_of(*writer_, ed, plan->published), plan->text);
    }
    stale = stale_views(*writer_, ed.id, page->id, page->title,
                        !page->visible_revision_id || page->title.ns == Namespace::file);
    publish(*writer_, *page, published, meta);
    add_categories(stale, meta);
  }
  std::vector<std::int64_t> line_ids;
  for (const auto& rev : line) line_ids.push_back(rev.id);
  tell_reviewed(*writer_, actor, head.info, line_ids, state, published, message);
  tx.commit();
  views_.touch(ed.id, stale);
  return Status(Ok{});
}

// Like a save, a merged approval renders outside the writer lock and writes only if the page is
// as it was planned; the last attempt holds the lock throughout.
Status WikiImpl::decide(const Actor& actor, const Edition& ed, std::int64_t revision_id,
                        ReviewState state, const std::string& message) {
  return guard_storage([&]() -> Status {
    for (int attempt = 0; attempt <= kOptimisticAttempts; ++attempt) {
      const bool last = attempt == kOptimisticAttempts;
      std::unique_lock lock(writer_mutex_);
      auto head = reviewable(*writer_, actor, ed, revision_id);
      if (!head) return head.error();
      std::optional<Publication> plan;
      if (state == ReviewState::approved) {
        auto planned = plan_publication(*writer_, ed, head.value());
        if (!planned) return planned.error();
        plan = std::move(planned).value();
      }
      if (plan && plan->merge) {
        if (!last) lock.unlock();
        auto rendered = render(ed, plan->text, /*sandboxed=*/true);
        if (!rendered) return rendered.error();
        plan->render = std::move(rendered).value();
        if (!last) lock.lock();
      }
      if (auto done = write_review(actor, ed, head.value(), state, message, plan ? &*plan : nullptr)) {
        return *done;
      }
    }
    throw std::logic_error("a review under the writer lock found the page changed");
  });
}

Status WikiImpl::approve(const Actor& actor, const Edition& ed, std::int64_t revision_id) {
  return decide(actor, ed, revision_id, ReviewState::approved, "");
}

Status WikiImpl::reject(const Actor& actor, const Edition& ed, std::int64_t revision_id,
                        const std::string& message) {
  // The pupil must learn what to change: an empty message would leave them guessing.
  if (message.find_first_not_of(" \t\r\n") == std::string::npos) {
    return make_error(ErrorCode::invalid_input, "review-error-message-missing");
  }
  if (message.size() > kMaxReviewMessageBytes || !i18n::is_valid_utf8(message)) {
    return make_error(ErrorCode::invalid_input, "error-review-bad-message");
  }
  return decide(actor, ed, revision_id, ReviewState::rejected, message);
}

Result<std::vector<ReviewItem>> WikiImpl::review_queue(const Actor& actor, const Edition* ed,
                                                       std::optional<std::int64_t> class_id,
                                                       int limit) {
  if (auto refused = policy::require(actor, Action::review_class); !refused) return refused.error();
  return guard_storage([&]() -> Result<std::vector<ReviewItem>> {
    auto reader = readers_->lease();
    auto authors = policy::reviewed_authors(*reader, actor);
    if (class_id) {
      auto cls = policy::class_for(*reader, actor, *class_id, policy::ClassUse::see);
      if (!cls) return cls.error();
      authors = pupil_ids_of_class(*reader, *class_id);
    }
    return waiting_lines(*reader, ed ? ed->id : 0, authors, limit);
  });
}

Result<ReviewDetail> WikiImpl::review_detail(const Actor& actor, std::int64_t revision_id) {
  auto edit = find_edit(actor, revision_id);
  if (!edit) return edit.error();
  const auto ed = edition(edit->lang);
  if (!ed) return revision_not_found(revision_id);
  return guard_storage([&]() -> Result<ReviewDetail> {
    auto reader = readers_->lease();
    auto head = reviewable(*reader, actor, *ed, revision_id);
    if (!head) return head.error();
    ReviewDetail detail;
    auto page = page_by_id(*reader, head->info.page_id);
    detail.item = ReviewItem{head->info, page->visible_revision_id, head->info.author_id, ed->lang};
    for (const auto& rev : pending_line(*reader, head->info)) detail.summaries.push_back(rev.summary);
    const std::string published = text_of(*reader, *ed, page->visible_revision_id);
    auto plan = plan_publication(*reader, *ed, head.value());
    detail.overlaps = !plan;
    const std::string& result = plan ? plan->text : head->markdown;
    detail.diff = diff_texts(published, result);
    detail.held = holds_in(*ed, published, result, detail.summaries);
    mark_held(detail.diff, result, detail.held);
    return detail;
  });
}

}  // namespace kidwiki::engine

// Who may review what, for the review API and pages alike. A teacher reviews the edits of their
// own classes' pupils (Action::review_class); moderators and admins review everything
// (Action::review_all). Refusals are engine Errors: forbidden (403), not_found (404). Also what
// a reviewer reads: the diff from what readers see to a pending revision.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "access.h"
#include "engine/wiki.h"
#include "web_context.h"

namespace kidwiki::web {

// The pages waiting in the queue `caller` asked for, oldest first: a class's pupils' pages when
// `class_id` is set (the class's teacher or a reviewer of everything), else every page (reviewers
// of everything only). `ed` null for every edition. Precondition: caller may review_class.
engine::Result<std::vector<engine::ReviewItem>> review_queue_for(
    WebContext& ctx, const Caller& caller, std::optional<std::int64_t> class_id,
    const engine::Edition* ed, int limit);

// The revision `revision_id` with its edition, when `caller` may review it: not_found for an
// unknown revision or one of a deleted page, forbidden for a teacher when its author is not a
// pupil of their classes, and for anyone but moderators and admins when it is hidden.
engine::Result<engine::AuthorEdit> reviewable_edit(WebContext& ctx, const Caller& caller,
                                                   std::int64_t revision_id);

// True when `caller` may review edits by `author_id` (empty: an anonymous editor).
bool may_review_author(WebContext& ctx, const Caller& caller,
                       std::optional<std::int64_t> author_id);

// The authors `caller` may review: empty for a reviewer of everything, else the pupils of the
// classes they teach.
engine::ReviewScope review_scope_of(WebContext& ctx, const Caller& caller);

// Approves (`approve`) or sends back (with `message`) a revision `caller` may review.
engine::Status review_decision(WebContext& ctx, const Caller& caller, std::int64_t revision_id,
                               bool approve, const std::string& message);

// What a reviewer reads: the change from `approved_id` (what readers see; empty for a page that
// readers do not see yet, compared with an empty text) to the pending `revision_id`.
engine::Result<engine::DiffResult> review_diff(engine::Wiki& wiki, const engine::Edition& ed,
                                               std::optional<std::int64_t> approved_id,
                                               std::int64_t revision_id);

// The revision readers see of `title` now; empty when they see none.
std::optional<std::int64_t> approved_revision_of(engine::Wiki& wiki, const engine::Edition& ed,
                                                 const engine::Title& title);

// The pupils of every class `teacher_id` teaches (archived classes included: their pupils' edits
// may still wait).
std::vector<std::int64_t> pupils_of_teacher(engine::Wiki& wiki, std::int64_t teacher_id);

}  // namespace kidwiki::web

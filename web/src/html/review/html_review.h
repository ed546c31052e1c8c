// Pending changes in the HTML interface: the review queue and its decisions, "my edits", the
// banner over a pending version, and the notice of sent-back edits.
#pragma once

#include <optional>
#include <string>

#include <httplib.h>

#include "engine/wiki.h"
#include "html/page/html_context.h"
#include "html/page/html_template_data.h"
#include "http/web_context.h"
#include "http/call.h"

namespace kidwiki::web {

// html_review.cpp. GET /{lang}/special/review[?class=ID]: the pages waiting, oldest first, each
// with the diff from what readers see, an Approve button and a Send back form. Without a class, a
// teacher sees every class of theirs and a moderator or admin everything in the edition.
void html_review_queue(const Call& call);
// POST /{lang}/special/review/{revision_id} with action=approve|reject (and wpMessage): 303 back
// to the queue with a confirmation; a refusal shows the queue again with the message.
void html_review_submit(const Call& call);
// POST /{lang}/special/review: approves, or sends back with one message, every ticked revision
// (wpRevision, repeated), each decided by the engine; 303 to the queue with a count when all were.
void html_review_bulk_submit(const Call& call);

// html_my_edits.cpp. GET /{lang}/special/my-edits: the caller's edits in every edition, newest
// first, with their review state and the reviewer's message for sent-back ones.
void html_my_edits(const Call& call);

// html_review_banner.cpp. The banner over an article: to the author of the pending version shown
// (the engine's read_own gives it to its author only), or to a reviewer, how many edits of the
// page wait for them. Keys: text, and review_url with review_link for reviewers; for the author,
// held (a list of {excerpt, reason}): the words that made revision_id wait.
TemplateData own_pending_banner(const HtmlContext& ctx, std::int64_t revision_id);
TemplateData waiting_banner(const HtmlContext& ctx, int waiting);

// html_review_notice.cpp. Adds to the layout, for a logged-in user, the "my edits" link and
// (reviewers) the review link, and for a pupil whose newest edit of a page was sent back, the
// reviewers' messages (key sent_back).
void add_review_chrome(TemplateData& data, const HtmlContext& ctx);

// How many edits wait for the actor's review (one per author and page, as the queue lists them),
// all of them or one class's; counted up to kWaitingCountMax. 0 when the engine refuses.
inline constexpr int kWaitingCountMax = 99;
std::int64_t waiting_count(const HtmlContext& ctx, std::optional<std::int64_t> class_id);
// Sets waiting (bool), waiting_count and waiting_text on `data` for `count`.
void set_waiting(TemplateData& data, const HtmlContext& ctx, std::int64_t count);

}  // namespace kidwiki::web

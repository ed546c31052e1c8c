// The JSON API of pending changes: the review queue, one pending revision with its diff, and the
// reviewer's decisions. Who may review what is the engine's decision (Wiki::review_queue, approve).
#pragma once

#include <string>

#include <httplib.h>

#include "http/web_context.h"
#include "http/call.h"

namespace kidwiki::web {

// GET /api/v1/review?class=&lang=&limit= : {pages: [...]}, oldest first.
void api_review_queue(const Call& call);

// GET /api/v1/review/{revision_id}: the revision and the diff from what readers see to it.
void api_review_item(const Call& call);

// POST /api/v1/revisions/{id}/approve and POST /api/v1/revisions/{id}/reject {message}:
// {revision_id, status: "approved" | "rejected"}.
void api_review_approve(const Call& call);
void api_review_reject(const Call& call);

}  // namespace kidwiki::web

// The JSON API of pending changes: the review queue, one pending revision with its diff, and the
// reviewer's decisions. Who may review what is the engine's decision (Wiki::review_queue, approve).
#pragma once

#include <string>

#include <httplib.h>

#include "web_context.h"

namespace kidwiki::web {

// GET /api/v1/review?class=&lang=&limit= : {pages: [...]}, oldest first.
void api_review_queue(const httplib::Request& req, httplib::Response& res, WebContext& ctx);

// GET /api/v1/review/{revision_id}: the revision and the diff from what readers see to it.
void api_review_item(const httplib::Request& req, httplib::Response& res, WebContext& ctx,
                     const std::string& raw_id);

// POST /api/v1/revisions/{id}/approve and POST /api/v1/revisions/{id}/reject {message}:
// {revision_id, status: "approved" | "rejected"}.
void api_review_approve(const httplib::Request& req, httplib::Response& res, WebContext& ctx,
                        const std::string& raw_id);
void api_review_reject(const httplib::Request& req, httplib::Response& res, WebContext& ctx,
                       const std::string& raw_id);

}  // namespace kidwiki::web

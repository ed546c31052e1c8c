// The JSON API's search routes.
#pragma once

#include <httplib.h>

#include "engine/wiki.h"
#include "web_context.h"

namespace kidwiki::web {

// GET /api/v1/{lang}/search?q=&limit=&offset=&category=
//   -> {total_estimate, results: [{title, snippet_html, score}], suggestion, corrected}
// An empty, over-long or unreadable q answers 400 with a message.
void api_search(const httplib::Request& req, httplib::Response& res, WebContext& ctx,
                const engine::Edition& edition);

// GET /api/v1/{lang}/suggest?q=&limit= -> {titles: [...]}: titles starting with q.
void api_suggest(const httplib::Request& req, httplib::Response& res, WebContext& ctx,
                 const engine::Edition& edition);

}  // namespace kidwiki::web

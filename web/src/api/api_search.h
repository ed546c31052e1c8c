// The JSON API's search routes.
#pragma once

#include <httplib.h>

#include "engine/wiki.h"
#include "http/web_context.h"
#include "http/call.h"

namespace kidwiki::web {

// GET /api/v1/{lang}/search?q=&limit=&offset=&category=
//   -> {total_estimate, results: [{title, snippet_html, score}], suggestion, corrected}
// An empty, over-long or unreadable q answers 400 with a message.
void api_search(const Call& call);

// GET /api/v1/{lang}/suggest?q=&limit= -> {titles: [...]}: titles starting with q.
void api_suggest(const Call& call);

}  // namespace kidwiki::web

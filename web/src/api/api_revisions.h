// The JSON API's revision routes: one revision, a page's history, recent changes, a diff.
#pragma once

#include <string>

#include <httplib.h>

#include "engine/wiki.h"
#include "http/web_context.h"
#include "http/call.h"

namespace kidwiki::web {

// GET /api/v1/{lang}/revisions/{id}; `raw_id` as decoded from the path.
void api_revision(const Call& call);

// GET /api/v1/{lang}/pages/{title}/history?limit=&before=
void api_page_history(const Call& call);

// GET /api/v1/{lang}/recent?limit=&before=
void api_recent(const Call& call);

// GET /api/v1/{lang}/diff?from=&to=
void api_diff(const Call& call);

}  // namespace kidwiki::web

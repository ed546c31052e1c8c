// The JSON API's page routes. Each takes the edition (which exists) and the title as decoded
// from the path, not yet parsed; each answers completely, errors included (docs/api.md).
#pragma once

#include <string>

#include <httplib.h>

#include "engine/wiki.h"
#include "http/web_context.h"
#include "http/call.h"

namespace kidwiki::web {

// GET /api/v1/{lang}/pages/{title}[?redirect=no]
void api_page_get(const Call& call);

// PUT /api/v1/{lang}/pages/{title} {markdown, summary?, base_revision_id?}
void api_page_put(const Call& call);

// GET /api/v1/{lang}/pages/{title}/backlinks
void api_page_backlinks(const Call& call);

}  // namespace kidwiki::web

// The JSON API's actions on a page: revert and move (docs/api.md).
#pragma once

#include <string>

#include <httplib.h>

#include "engine/wiki.h"
#include "http/web_context.h"
#include "http/call.h"

namespace kidwiki::web {

// POST /api/v1/{lang}/pages/{title}/revert {revision_id, summary?} -> {revision_id, status}
void api_page_revert(const Call& call);

// POST /api/v1/{lang}/pages/{title}/move {new_title, leave_redirect?, reason?} -> {title}
void api_page_move(const Call& call);

}  // namespace kidwiki::web

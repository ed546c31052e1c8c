// GET /api/v1/editions: the wiki's editions.
#pragma once

#include <httplib.h>

#include "http/web_context.h"
#include "http/call.h"

namespace kidwiki::web {

// {editions: [{lang, name, dir, main_page}]}, in the engine's order.
void api_editions(const Call& call);

}  // namespace kidwiki::web

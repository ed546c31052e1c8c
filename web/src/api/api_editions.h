// GET /api/v1/editions: the wiki's editions.
#pragma once

#include <httplib.h>

#include "web_context.h"

namespace kidwiki::web {

// {editions: [{lang, name, dir, main_page}]}, in the engine's order.
void api_editions(const httplib::Request& req, httplib::Response& res, WebContext& ctx);

}  // namespace kidwiki::web

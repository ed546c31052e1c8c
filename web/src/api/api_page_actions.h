// The JSON API's actions on a page: revert and move (docs/api.md).
#pragma once

#include <string>

#include <httplib.h>

#include "engine/wiki.h"
#include "web_context.h"

namespace kidwiki::web {

// POST /api/v1/{lang}/pages/{title}/revert {revision_id, summary?} -> {revision_id, status}
void api_page_revert(const httplib::Request& req, httplib::Response& res, WebContext& ctx,
                     const engine::Edition& edition, const std::string& raw_title);

// POST /api/v1/{lang}/pages/{title}/move {new_title, leave_redirect?, reason?} -> {title}
void api_page_move(const httplib::Request& req, httplib::Response& res, WebContext& ctx,
                   const engine::Edition& edition, const std::string& raw_title);

}  // namespace kidwiki::web

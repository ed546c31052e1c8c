// The JSON API's page routes. Each takes the edition (which exists) and the title as decoded
// from the path, not yet parsed; each answers completely, errors included (docs/api.md).
#pragma once

#include <string>

#include <httplib.h>

#include "engine/wiki.h"
#include "web_context.h"

namespace kidwiki::web {

// GET /api/v1/{lang}/pages/{title}[?redirect=no]
void api_page_get(const httplib::Request& req, httplib::Response& res, WebContext& ctx,
                  const engine::Edition& edition, const std::string& raw_title);

// PUT /api/v1/{lang}/pages/{title} {markdown, summary?, base_revision_id?}
void api_page_put(const httplib::Request& req, httplib::Response& res, WebContext& ctx,
                  const engine::Edition& edition, const std::string& raw_title);

// GET /api/v1/{lang}/pages/{title}/backlinks
void api_page_backlinks(const httplib::Request& req, httplib::Response& res, WebContext& ctx,
                        const engine::Edition& edition, const std::string& raw_title);

}  // namespace kidwiki::web

// The JSON API's revision routes: one revision, a page's history, recent changes, a diff.
#pragma once

#include <string>

#include <httplib.h>

#include "engine/wiki.h"
#include "web_context.h"

namespace kidwiki::web {

// GET /api/v1/{lang}/revisions/{id}; `raw_id` as decoded from the path.
void api_revision(const httplib::Request& req, httplib::Response& res, WebContext& ctx,
                  const engine::Edition& edition, const std::string& raw_id);

// GET /api/v1/{lang}/pages/{title}/history?limit=&before=
void api_page_history(const httplib::Request& req, httplib::Response& res, WebContext& ctx,
                      const engine::Edition& edition, const std::string& raw_title);

// GET /api/v1/{lang}/recent?limit=&before=
void api_recent(const httplib::Request& req, httplib::Response& res, WebContext& ctx,
                const engine::Edition& edition);

// GET /api/v1/{lang}/diff?from=&to=
void api_diff(const httplib::Request& req, httplib::Response& res, WebContext& ctx,
              const engine::Edition& edition);

}  // namespace kidwiki::web

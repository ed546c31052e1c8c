// The HTML interface's handlers outside the editions' pages. Each answers one request completely:
// a page, a redirect, or an error page with its status. They run on many threads at once.
#pragma once

#include <httplib.h>

#include "http/call.h"
#include "http/web_context.h"

namespace kidwiki::web {

// GET / : 302 to the main page of the edition that best matches Accept-Language (else the first).
void html_root(const Call& call);

// The 404 page for unknown paths and editions (routes.cpp answers with it).
void html_not_found(const httplib::Request& req, httplib::Response& res, WebContext& web);

// GET /static/{file}: an embedded file of web/static with its Content-Type, an ETag and
// Cache-Control; If-None-Match answers 304; an unknown file 404.
void serve_static(const Call& call);

}  // namespace kidwiki::web

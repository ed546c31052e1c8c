// The HTML interface's handlers, registered by routes.cpp. Each answers one request completely:
// a page, a redirect, or an error page with its status. They run on many threads at once.
#pragma once

#include <string>

#include <httplib.h>

#include "engine/wiki.h"
#include "web_context.h"

namespace kidwiki::web {

// GET / : 302 to the main page of the edition that best matches Accept-Language (else the first).
void html_root(const httplib::Request& req, httplib::Response& res, WebContext& web);

// GET /{lang}/wiki/{title}: the page, or with ?action=edit|history|move|revert, ?oldid=N,
// ?diff=N&oldid=M, ?redirect=no. A non-canonical title answers 301 to the canonical address.
// `raw_title` is the path segment, percent-decoded once.
void html_wiki_get(const httplib::Request& req, httplib::Response& res, WebContext& web,
                   const engine::Edition& edition, const std::string& raw_title);

// POST /{lang}/wiki/{title}: action=submit (save or preview), action=revert, action=move.
// Success answers 303; a refusal shows the form again with the message and the user's text.
void html_wiki_post(const httplib::Request& req, httplib::Response& res, WebContext& web,
                    const engine::Edition& edition, const std::string& raw_title);

// GET /{lang}/special/{name}[/{arg}]: recent, all, random, search, links/{title}; others 404.
void html_special(const httplib::Request& req, httplib::Response& res, WebContext& web,
                  const engine::Edition& edition, const std::string& name,
                  const std::string& raw_arg);

// The 404 page for unknown paths and editions.
void html_not_found(const httplib::Request& req, httplib::Response& res, WebContext& web);

// GET /static/{file}: an embedded file of web/static with its Content-Type, an ETag and
// Cache-Control; If-None-Match answers 304; an unknown file 404.
void serve_static(const httplib::Request& req, httplib::Response& res, const std::string& file);

}  // namespace kidwiki::web

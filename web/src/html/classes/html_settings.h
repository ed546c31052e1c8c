// An edition's settings page (registered by routes.cpp).
#pragma once

#include <httplib.h>

#include "engine/wiki.h"
#include "web_context.h"

namespace kidwiki::web {

// GET /{lang}/special/settings: the form (admins only: 401 reader, 403 others).
void html_settings_page(const httplib::Request& req, httplib::Response& res, WebContext& web,
                        const engine::Edition& edition);
// POST /{lang}/special/settings wpAnonymousEditing=on|off: saves, then 303 to the page.
void html_settings_submit(const httplib::Request& req, httplib::Response& res, WebContext& web,
                          const engine::Edition& edition);

}  // namespace kidwiki::web

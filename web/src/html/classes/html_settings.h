// An edition's settings page (registered by routes.cpp).
#pragma once

#include <httplib.h>

#include "engine/wiki.h"
#include "http/web_context.h"
#include "http/call.h"

namespace kidwiki::web {

// GET /{lang}/special/settings: the form (admins only: 401 reader, 403 others).
void html_settings_page(const Call& call);
// POST /{lang}/special/settings wpAnonymousEditing=on|off: saves, then 303 to the page.
void html_settings_submit(const Call& call);

}  // namespace kidwiki::web

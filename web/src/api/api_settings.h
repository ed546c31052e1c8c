// The JSON API's edition settings (registered by routes.cpp).
#pragma once

#include <httplib.h>

#include "engine/wiki.h"
#include "http/web_context.h"
#include "http/call.h"

namespace kidwiki::web {

// GET /api/v1/{lang}/settings: 200 {lang, anonymous_editing}, for anyone.
void api_settings_get(const Call& call);
// PUT /api/v1/{lang}/settings {anonymous_editing: bool}: admins only; 200 with the settings.
void api_settings_put(const Call& call);

}  // namespace kidwiki::web

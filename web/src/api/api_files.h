// Pictures through the JSON API (docs/api.md, "Pictures"):
//   GET  /api/v1/{lang}/files/{name}   the picture readers see (or 404), with its page
//   POST /api/v1/{lang}/files/{name}   uploads a picture or a new version of it
#pragma once

#include "http/call.h"

namespace kidwiki::web {

void api_file_get(const Call& call);
void api_file_post(const Call& call);

}  // namespace kidwiki::web

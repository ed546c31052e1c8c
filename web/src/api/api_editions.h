// GET /api/v1/editions: the wiki's editions; PUT /api/v1/editions/{code}: an admin creates one.
#pragma once

#include <httplib.h>

#include "http/web_context.h"
#include "http/call.h"

namespace kidwiki::web {

// {editions: [{lang, name, dir, main_page, namespaces}]}, in the engine's order.
void api_editions(const Call& call);
// 201 {edition: {...}} for a new edition of the language {code}; the body's optional fields
// (name, main_page, talk_name, category_name, file_name) replace the language's defaults.
void api_edition_create(const Call& call);

}  // namespace kidwiki::web

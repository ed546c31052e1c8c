// POST /api/v1/render: Markdown to the HTML a page would show, without saving anything.
#pragma once

#include <httplib.h>

#include "http/web_context.h"
#include "http/call.h"

namespace kidwiki::web {

// {lang, markdown} -> {html}. Rendered in the sandbox under a save's limits (wiki.preview), its
// links then coloured by whether their pages exist (wiki.assemble). 404 for an unknown edition.
void api_render(const Call& call);

}  // namespace kidwiki::web

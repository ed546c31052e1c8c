// The forms that change a page (edit, revert, move) ask before they show: a reader is sent to the
// login page and back; a blocked user or a protected page gets the reason instead of a form that
// could not be saved.
#pragma once

#include <httplib.h>

#include "html/page/html_context.h"

namespace kidwiki::web {

// True when the engine says the form may be shown (`move` for renames); otherwise the answer is
// sent.
bool form_allowed(const httplib::Request& req, httplib::Response& res, const HtmlContext& ctx,
                  const engine::Title& title, bool move = false);

}  // namespace kidwiki::web

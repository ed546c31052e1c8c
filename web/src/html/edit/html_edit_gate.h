// The forms that change a page (edit, revert, move) ask before they show: a reader is sent to the
// login page and back; a blocked user or a protected page gets the reason instead of a form that
// could not be saved.
#pragma once

#include <optional>
#include <string>

#include <httplib.h>

#include "html/page/html_context.h"

namespace kidwiki::web {

// True when the engine says the form may be shown (`move` for renames); otherwise the answer is
// sent.
bool form_allowed(const httplib::Request& req, httplib::Response& res, const HtmlContext& ctx,
                  const engine::Title& title, bool move = false);

// As form_allowed, for the edit form, which a pupil outside their class's lesson window still
// gets: they may write (editor.js keeps the draft) and save once editing opens. The engine's
// refusal, in words, is then put in `closed_notice` for the form to show.
bool edit_form_allowed(const httplib::Request& req, httplib::Response& res, const HtmlContext& ctx,
                       const engine::Title& title, std::optional<std::string>& closed_notice);

}  // namespace kidwiki::web

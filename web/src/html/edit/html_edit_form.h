// The edit form in every state it can be shown in: fresh, with a preview, with an error, or as a
// conflict screen. Whatever the state, the text the user typed is in the editable textarea.
#pragma once

#include <cstdint>
#include <optional>
#include <string>

#include <httplib.h>

#include "engine/wiki.h"
#include "html/page/html_context.h"
#include "http/refused_part.h"

namespace kidwiki::web {

struct EditConflict {
  std::string current_text;     // the page's text now, shown read-only
  engine::DiffResult diff;      // from the current text to the user's
};

struct EditState {
  std::string text;                           // the user's text (or the page's, fresh)
  std::string summary;
  std::optional<std::int64_t> base_revision;  // empty: the page is being created
  bool creating = false;                      // the page does not exist yet
  std::optional<std::string> preview_html;    // assembled, safe engine HTML
  std::optional<std::string> error_message;   // already in the interface language
  // Why saving would be refused now, though writing is welcome: a pupil outside their class's
  // lesson window (html_edit_gate.h). In the interface language.
  std::optional<std::string> closed_notice;
  std::optional<RefusedPart> refused;         // what a filter refused, for the editor to select
  std::optional<EditConflict> conflict;
  // The session ended while the writer wrote: the form asks for their name and password beside
  // the text, and saves once they are given (html_edit_submit.cpp).
  bool ask_login = false;
  bool posted = false;  // the writer's own text, sent back unsaved (preview, error, conflict)
  std::string draft_owner;  // as the form that sent it said (editor.js's storage key)
  std::string login_name;
};

void send_edit_form(httplib::Response& res, const HtmlContext& ctx, const engine::Title& title,
                    const EditState& state, int status);

}  // namespace kidwiki::web

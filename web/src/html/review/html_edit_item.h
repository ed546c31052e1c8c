// An author's edit as the pages that follow edits show it: a pupil's "My edits" and the class
// dashboard's recent edits of each pupil. Both say what became of the edit the same way.
#pragma once

#include <map>
#include <string>
#include <string_view>

#include "engine/wiki.h"
#include "html/page/html_context.h"
#include "html/page/html_template_data.h"

namespace kidwiki::web {

// The keys of revision_data (links and titles in the edit's own edition `ed`), plus lang, dir,
// state ("approved", "pending" or "rejected"), state_label, and for an edit sent back
// sent_back {reviewer: the message `reviewer_message_id` with arg "reviewer", message}.
TemplateData edit_item(const HtmlContext& ctx, const engine::Edition& ed,
                       const engine::AuthorEdit& edit, std::string_view reviewer_message_id);

// Every edition of the wiki by language code, to find each edit's own.
std::map<std::string, engine::Edition> editions_by_lang(const HtmlContext& ctx);

}  // namespace kidwiki::web

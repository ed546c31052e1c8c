// Discussions on talk pages (docs/discussions.md): the forms under a talk page and their POST.
#pragma once

#include "engine/wiki.h"
#include "html/page/html_context.h"
#include "html/page/html_template_data.h"
#include "http/call.h"

namespace kidwiki::web {

// POST /{lang}/wiki/{title}?action=comment: wpSubject and wpText for a new topic, wpReplyTo and
// wpText for a reply; 303 back to the page, else the form again with the text and the refusal.
void submit_comment(const Call& call);

// The "New topic" form and the reply template of a talk page, for a logged-in reader.
void add_talk_form(TemplateData& data, const HtmlContext& ctx, const engine::Title& title);

}  // namespace kidwiki::web

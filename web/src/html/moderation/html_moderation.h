// The HTML pages of the safety tools (registered by routes.cpp). Each checks the caller's right
// with require() (a reader goes to the login page, a role without the right gets 403), and every
// form posts with wpCsrf. Each POST answers 303 to a page that shows the result, so reloading
// never repeats an action; a refusal shows the form again with the message and what was typed.
#pragma once

#include <httplib.h>

#include <string>

#include "engine/wiki.h"
#include "html/page/html_context.h"
#include "html/page/html_layout.h"
#include "http/web_context.h"
#include "http/call.h"

namespace kidwiki::web {

// /{lang}/special/report/{title}: anyone, no JavaScript needed (html_moderation_reports.cpp).
void html_report_form(const Call& call);
void html_report_submit(const Call& call);
// /{lang}/special/reports: the open reports; POST wpReport, wpNote resolves one.
void html_reports_queue(const Call& call);
void html_reports_resolve(const Call& call);

// /{lang}/special/blocks: blocks in force and the block form; POST wpAction=block|unblock,
// wpUser (a name), wpHours (empty: until lifted), wpReason (html_moderation_blocks.cpp).
void html_blocks_page(const Call& call);
void html_blocks_submit(const Call& call);

// /{lang}/special/protect/{title}, /{lang}/special/delete/{title}: a form and its POST
// (html_moderation_pages.cpp). /{lang}/special/restore: the deleted pages; POST wpTitle.
void html_protect_form(const Call& call);
void html_protect_submit(const Call& call);
void html_delete_form(const Call& call);
void html_delete_submit(const Call& call);
void html_restore_page(const Call& call);
void html_restore_submit(const Call& call);

// /{lang}/special/hide/{revision id}: hide or show again one revision (html_moderation_hide.cpp).
void html_hide_form(const Call& call);
void html_hide_submit(const Call& call);

// /{lang}/special/audit[?class=&before=] (html_moderation_audit.cpp).
void html_audit_page(const Call& call);

// /{lang}/special/filters: the edition's word list; POST wpText (html_moderation_filters.cpp).
void html_filters_page(const Call& call);
void html_filters_submit(const Call& call);

// Shared by the pages above (html_moderation_common.cpp).
// Sends a moderation page: never cached, never indexed.
void send_moderation_page(httplib::Response& res, const HtmlContext& ctx, Chrome chrome,
                          std::string_view page, TemplateData data, int status = 200);
// Adds has_error/error_message (the error in ctx.ui_lang) to `data` and returns its status.
int add_error(TemplateData& data, const HtmlContext& ctx, const engine::Error& error);
// Adds the "Report this page" link (report_url), and for moderators and admins the links to the
// tools for this page and the queues (has_moderation_links, moderation_links) that
// _moderation_links.mustache shows under an article.
void add_moderation_links(TemplateData& data, const HtmlContext& ctx, const engine::Title& title);
// Marks a revision line of history, recent changes or a diff: hidden (with its label), the
// summary left out for those who may not see it, and for moderators the link to hide or show it.
void add_hidden_marks(TemplateData& data, const HtmlContext& ctx, const engine::RevisionInfo& info);
// Adds has_notice/notice (the message `id`) when the query holds ?done=1.
void add_done_notice(TemplateData& data, const HtmlContext& ctx, const httplib::Request& req,
                     std::string_view id);

}  // namespace kidwiki::web

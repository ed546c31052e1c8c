// The pages of /{lang}/wiki/{title}, one per file, each a route of routes.cpp: the action a
// request names (?action=, ?diff=, ?oldid=, or the form's action field) picks the route. Each
// answers the request completely.
#pragma once

#include <optional>

#include <httplib.h>

#include "engine/wiki.h"
#include "html/page/html_context.h"
#include "html/page/html_template_data.h"
#include "http/call.h"

namespace kidwiki::web {

// The title of a /{lang}/wiki/{title} request, parsed and canonical, with the page's context.
struct WikiPage {
  HtmlContext ctx;
  engine::Title title;
};
// html_wiki.cpp. Empty when the answer is sent already: a refused title (400), or a GET for a
// title spelled otherwise than its canonical form (301 to it, the query kept).
std::optional<WikiPage> wiki_page(const Call& call);
// As wiki_page, with the page's context already made.
std::optional<WikiPage> wiki_page(const Call& call, HtmlContext ctx);
// html_wiki.cpp: 400 for an action nobody knows.
void html_unknown_action(const Call& call);

// html_article.cpp: the page as readers see it (?redirect=no shows a redirect itself); anonymous
// views are answered from the view cache (view_cache.h).
void show_article(const Call& call);
// html_category.cpp: a category's own text, then its members in collated order.
void show_category(const httplib::Request&, httplib::Response&, const HtmlContext&,
                   const engine::Title&);
// html_main_page.cpp: the edition's main page, and what it shows above its text (a search box,
// the article and the picture of the day, the newest articles) as the "home" section of
// article.mustache. Its cached view also depends on main_page_generation (the day, new articles).
bool is_main_page(const engine::Edition& ed, const engine::Title& title);
std::uint64_t main_page_generation(engine::Wiki& wiki, const engine::Edition& ed);
void add_main_page_section(TemplateData& data, const HtmlContext& ctx);
// html_missing.cpp: 404 with an invitation to create the page.
void show_missing(httplib::Response&, const HtmlContext&, const engine::Title&);
// html_edit.cpp: ?action=edit; html_edit_submit.cpp: the POST of action=submit (save or preview).
void show_edit(const Call& call);
void submit_edit(const Call& call);
// The same POST when its form token is stale (the writer logged in again in another tab, or the
// session changed): the form again with the text and a fresh token, nothing saved (403).
void submit_edit_stale_token(const Call& call);
// html_history.cpp: ?action=history[&before=N].
void show_history(const Call& call);
// html_old_revision.cpp: ?oldid=N.
void show_old_revision(const Call& call);
// html_diff.cpp: ?diff=N[&oldid=M].
void show_diff(const Call& call);
// html_revert.cpp: ?action=revert&oldid=N, and its POST.
void show_revert(const Call& call);
void submit_revert(const Call& call);
// html_move.cpp: ?action=move, and its POST.
void show_move(const Call& call);
void submit_move(const Call& call);

// 303 See Other to `url` (after a successful POST).
void see_other(httplib::Response& res, const std::string& url);

}  // namespace kidwiki::web

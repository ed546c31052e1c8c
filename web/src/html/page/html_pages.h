// The pages behind html_wiki_get and html_wiki_post, one per file, for a title already parsed and
// canonical. Each answers the request completely.
#pragma once

#include <httplib.h>

#include "engine/wiki.h"
#include "html_context.h"

namespace kidwiki::web {

using HtmlPageHandler = void (*)(const httplib::Request&, httplib::Response&, const HtmlContext&,
                                 const engine::Title&);

// html_article.cpp: the page as readers see it (?redirect=no shows a redirect itself).
void show_article(const httplib::Request&, httplib::Response&, const HtmlContext&,
                  const engine::Title&);
// html_category.cpp: a category's own text, then its members in collated order.
void show_category(const httplib::Request&, httplib::Response&, const HtmlContext&,
                   const engine::Title&);
// html_missing.cpp: 404 with an invitation to create the page.
void show_missing(httplib::Response&, const HtmlContext&, const engine::Title&);
// html_edit.cpp: ?action=edit, and the POST of action=submit (save or preview).
void show_edit(const httplib::Request&, httplib::Response&, const HtmlContext&,
               const engine::Title&);
void submit_edit(const httplib::Request&, httplib::Response&, const HtmlContext&,
                 const engine::Title&);
// html_history.cpp: ?action=history[&before=N].
void show_history(const httplib::Request&, httplib::Response&, const HtmlContext&,
                  const engine::Title&);
// html_old_revision.cpp: ?oldid=N.
void show_old_revision(const httplib::Request&, httplib::Response&, const HtmlContext&,
                       const engine::Title&);
// html_diff.cpp: ?diff=N[&oldid=M].
void show_diff(const httplib::Request&, httplib::Response&, const HtmlContext&,
               const engine::Title&);
// html_revert.cpp: ?action=revert&oldid=N, and its POST.
void show_revert(const httplib::Request&, httplib::Response&, const HtmlContext&,
                 const engine::Title&);
void submit_revert(const httplib::Request&, httplib::Response&, const HtmlContext&,
                   const engine::Title&);
// html_move.cpp: ?action=move, and its POST.
void show_move(const httplib::Request&, httplib::Response&, const HtmlContext&,
               const engine::Title&);
void submit_move(const httplib::Request&, httplib::Response&, const HtmlContext&,
                 const engine::Title&);

// 303 See Other to `url` (after a successful POST).
void see_other(httplib::Response& res, const std::string& url);

}  // namespace kidwiki::web

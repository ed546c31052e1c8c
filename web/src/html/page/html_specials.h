// The special pages that read the wiki, one per file, each a route of routes.cpp.
#pragma once

#include "http/call.h"

namespace kidwiki::web {

// html_recent_changes.cpp: /special/recent[?before=N]
void show_recent_changes(const Call& call);
// html_all_pages.cpp: /special/all
void show_all_pages(const Call& call);
// html_what_links_here.cpp: /special/links/{title}
void show_what_links_here(const Call& call);
// html_search.cpp: /special/search?q=&offset=&category=[&nocorrect=1]
void show_search(const Call& call);
// html_special.cpp: /special/random, a 302 to a random article (404 when there is none), and the
// 404 of a special page nobody knows.
void show_random_page(const Call& call);
void html_unknown_special(const Call& call);

}  // namespace kidwiki::web

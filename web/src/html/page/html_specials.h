// The special pages behind html_special, one per file.
#pragma once

#include <string>

#include <httplib.h>

#include "html_context.h"

namespace kidwiki::web {

// html_recent_changes.cpp: /special/recent[?before=N]
void show_recent_changes(const httplib::Request&, httplib::Response&, const HtmlContext&);
// html_all_pages.cpp: /special/all
void show_all_pages(httplib::Response&, const HtmlContext&);
// html_what_links_here.cpp: /special/links/{title}
void show_what_links_here(httplib::Response&, const HtmlContext&, const std::string& raw_title);
// html_search.cpp: /special/search?q=&offset=&category=[&nocorrect=1]
void show_search(const httplib::Request&, httplib::Response&, const HtmlContext&);

}  // namespace kidwiki::web

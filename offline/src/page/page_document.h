// The HTML document of one page of an offline copy: the site's reading layout (header, heading,
// the article, its categories, a footer with the licence) without anything that needs the
// server: no edit links, forms that post, login, or scripts that call the site. Every word of the
// interface is a message id, in the edition's language.
#pragma once

#include <string>
#include <vector>

namespace kidwiki::offline {

struct PageDocument {
  std::string lang;       // the edition's language and direction
  std::string dir;
  std::string site_name;  // the edition's (or the pack's) name
  std::string title;      // the page's heading, plain text
  std::string root;       // from this page to the copy's root: "./" or "../"
  std::string style_href; // the stylesheet, relative
  std::string main_href;  // the main page, relative; "" when the copy has none
  std::string index_href; // the list of every page, relative; "" when the copy has none
  std::string body_html;  // the article's HTML as the engine assembled it for the copy
  std::vector<std::string> categories;  // names, shown as text (a copy has no category pages)
  bool title_search = false;  // a folder copy: the title search of titles.js and search.js
  std::string date;       // the copy's day, ISO 8601 ("2026-12-06T00:00:00Z")
};

std::string page_document(const PageDocument& doc);

// The stylesheet every page links: the site's own style, then what a copy changes (a link to a
// page the copy lacks is plain text; the title search's list).
std::string copy_stylesheet();

}  // namespace kidwiki::offline

#include "page/page_document.h"

#include <map>
#include <string_view>

#include "i18n/escape.h"
#include "i18n/messages.h"

// The site's stylesheet (web/static/kidwiki.css) and the copy's own files (offline/assets/),
// compiled in by offline/CMakeLists.txt.
namespace kidwiki::offline::embedded_site_style {
const std::map<std::string_view, std::string_view>& embedded_files();
}
namespace kidwiki::offline::embedded_assets {
const std::map<std::string_view, std::string_view>& embedded_files();
}

namespace kidwiki::offline {
namespace {

std::string msg(const PageDocument& doc, std::string_view id, const i18n::MessageArgs& args = {}) {
  return i18n::html_escaped(i18n::Messages::builtin().format(doc.lang, id, args));
}

std::string head(const PageDocument& doc) {
  std::string html = "<!DOCTYPE html>\n<html lang=\"" + i18n::html_escaped(doc.lang) +
                     "\" dir=\"" + i18n::html_escaped(doc.dir) + "\">\n<head>\n";
  html += "<meta charset=\"utf-8\">\n";
  html += "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n";
  html += "<title>" + msg(doc, "offline-page-title", {{"title", doc.title}, {"site", doc.site_name}}) +
          "</title>\n";
  html += "<link rel=\"stylesheet\" href=\"" + i18n::href_escaped(doc.style_href) + "\">\n";
  if (doc.title_search) {
    html += "<script src=\"" + i18n::href_escaped(doc.root + "titles.js") + "\" defer></script>\n";
    html += "<script src=\"" + i18n::href_escaped(doc.root + "search.js") + "\" defer></script>\n";
  }
  return html + "</head>\n";
}

// The folder copy's title search: a plain text box that search.js fills a list under. Nothing is
// sent anywhere: without JavaScript it is only a box, and the index page lists every page.
std::string search_box(const PageDocument& doc) {
  std::string html = "<div class=\"search-form site-search offline-search\" role=\"search\" data-root=\"" +
                     i18n::html_escaped(doc.root) + "\" data-none=\"" +
                     msg(doc, "offline-search-none") + "\">\n";
  html += "<label for=\"search-box\" class=\"visually-hidden\">" + msg(doc, "offline-search-label") +
          "</label>\n";
  html += "<div class=\"search-field\"><input type=\"search\" id=\"search-box\" autocomplete=\"off\""
          " placeholder=\"" + msg(doc, "offline-search-placeholder") + "\" lang=\"" +
          i18n::html_escaped(doc.lang) + "\" dir=\"" + i18n::html_escaped(doc.dir) + "\"></div>\n";
  html += "<ul class=\"search-suggestions offline-search-results\" id=\"search-results\" hidden></ul>\n</div>\n";
  return html;
}

std::string header(const PageDocument& doc) {
  std::string html = "<header class=\"site-header\">\n<p class=\"site-name\">";
  const std::string name = i18n::html_escaped(doc.site_name);
  html += doc.main_href.empty() ? name
                                : "<a href=\"" + i18n::href_escaped(doc.main_href) + "\">" + name + "</a>";
  html += "</p>\n";
  if (!doc.index_href.empty()) {
    html += "<nav class=\"site-nav\" aria-label=\"" + msg(doc, "offline-nav-label") + "\"><ul>";
    if (!doc.main_href.empty()) {
      html += "<li><a href=\"" + i18n::href_escaped(doc.main_href) + "\">" +
              msg(doc, "offline-nav-main-page") + "</a></li>";
    }
    html += "<li><a href=\"" + i18n::href_escaped(doc.index_href) + "\">" +
            msg(doc, "offline-nav-all-pages") + "</a></li></ul></nav>\n";
  }
  if (doc.title_search) html += search_box(doc);
  return html + "</header>\n";
}

std::string categories(const PageDocument& doc) {
  if (doc.categories.empty()) return "";
  std::string html = "<nav class=\"page-categories\" aria-label=\"" +
                     msg(doc, "offline-categories-heading") + "\">\n<h2>" +
                     msg(doc, "offline-categories-heading") + "</h2>\n<ul>\n";
  for (const auto& name : doc.categories) html += "<li>" + i18n::html_escaped(name) + "</li>\n";
  return html + "</ul>\n</nav>\n";
}

}  // namespace

std::string page_document(const PageDocument& doc) {
  std::string html = head(doc);
  html += "<body>\n" + header(doc);
  html += "<main id=\"content\" class=\"page\">\n<h1 class=\"page-heading\">" +
          i18n::html_escaped(doc.title) + "</h1>\n";
  html += "<div class=\"content\" lang=\"" + i18n::html_escaped(doc.lang) + "\" dir=\"" +
          i18n::html_escaped(doc.dir) + "\">\n" + doc.body_html + "\n</div>\n";
  html += categories(doc) + "</main>\n";
  html += "<footer class=\"site-footer\"><p>" +
          msg(doc, "offline-footer", {{"site", doc.site_name}, {"date", doc.date}}) +
          "</p></footer>\n</body>\n</html>\n";
  return html;
}

std::string copy_stylesheet() {
  std::string css(embedded_site_style::embedded_files().at("kidwiki.css"));
  css += "\n";
  css += embedded_assets::embedded_files().at("offline.css");
  return css;
}

}  // namespace kidwiki::offline

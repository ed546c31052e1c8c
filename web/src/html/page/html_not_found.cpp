// The 404 page for addresses that name no page: unknown paths and unknown editions.
#include "html/page/html_handlers.h"
#include "html/page/html_layout.h"

namespace kidwiki::web {

void html_not_found(const httplib::Request& req, httplib::Response& res, WebContext& web) {
  const HtmlContext ctx = make_html_context(req, web, nullptr);
  Chrome chrome;
  chrome.heading = ctx.msg("web-not-found-heading");
  chrome.noindex = true;
  send_html(res, ctx, chrome, "not_found", TemplateData(), 404);
}

}  // namespace kidwiki::web

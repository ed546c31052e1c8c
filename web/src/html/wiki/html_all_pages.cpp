// /special/all: every article of the edition in its collated order ("Éléphant" beside "Elephant").
#include "html/page/html_layout.h"
#include "http/call.h"
#include "html/page/html_specials.h"
#include "html/page/html_urls.h"

namespace kidwiki::web {

void show_all_pages(const Call& call) {
  httplib::Response& res = call.res;
  const HtmlContext ctx = make_html_context(call.req, call.web, call.edition);
  const Urls urls(ctx.ed(), ctx.uselang);
  const auto pages = ctx.wiki().all_pages(ctx.ed(), engine::Namespace::article);
  TemplateData data;
  for (const auto& entry : pages) {
    data.add("pages", TemplateData()
                          .set("url", urls.page(entry.title, entry.is_redirect ? "redirect=no" : ""))
                          .set("title", engine::full_title(entry.title, ctx.ed().names))
                          .set("is_redirect", entry.is_redirect));
  }
  data.set("has_pages", !pages.empty())
      .set("page_count",
           ctx.msg("web-all-count", {{"count", static_cast<std::int64_t>(pages.size())}}));
  Chrome chrome;
  chrome.heading = ctx.msg("web-all-heading");
  send_html(res, ctx, chrome, "all_pages", std::move(data));
}

}  // namespace kidwiki::web

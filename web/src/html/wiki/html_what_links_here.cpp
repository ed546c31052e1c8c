// /special/links/{title}: the pages that link to a title, or redirect to it.
#include "html/page/html_layout.h"
#include "http/call.h"
#include "html/page/html_specials.h"
#include "html/page/html_urls.h"

namespace kidwiki::web {

void show_what_links_here(const Call& call) {
  httplib::Response& res = call.res;
  const HtmlContext ctx = make_html_context(call.req, call.web, call.edition);
  const std::string& raw_title = call.param("title");
  const auto title = ctx.wiki().parse_title(ctx.ed(), raw_title);
  if (!title.ok()) return send_engine_error(res, ctx, title.error());
  const Urls urls(ctx.ed(), ctx.uselang);
  const std::string full = engine::full_title(title.value(), ctx.ed().names);
  const auto links = ctx.wiki().backlinks(ctx.ed(), title.value());
  TemplateData data;
  for (const auto& entry : links) {
    data.add("pages", TemplateData()
                          .set("url", urls.page(entry.title, entry.is_redirect ? "redirect=no" : ""))
                          .set("title", engine::full_title(entry.title, ctx.ed().names))
                          .set("is_redirect", entry.is_redirect));
  }
  const auto [before, after] = ctx.msg_around("web-links-intro", "title");
  data.set("has_pages", !links.empty())
      .set("intro_before", before)
      .set("intro_after", after)
      .set("target_title", full)
      .set("target_url", urls.page(title.value()))
      .set("target_new", !ctx.wiki().exists(ctx.ed(), title.value()));
  Chrome chrome;
  heading_with(chrome, ctx, "web-links-heading", "title", full);
  chrome.page = title.value();
  chrome.tab = Tab::links;
  send_html(res, ctx, chrome, "what_links_here", std::move(data));
}

}  // namespace kidwiki::web

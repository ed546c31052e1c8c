// A page that does not exist yet: 404, and an invitation to write it.
#include "html/edit/html_talk.h"
#include "html/page/html_layout.h"
#include "html/page/html_pages.h"
#include "html/page/html_urls.h"

namespace kidwiki::web {

void show_missing(httplib::Response& res, const HtmlContext& ctx, const engine::Title& title) {
  const Urls urls(ctx.ed(), ctx.uselang);
  const std::string full = engine::full_title(title, ctx.ed().names);
  const auto [before, after] = ctx.msg_around("web-missing-text", "title");
  TemplateData data;
  data.set("missing_before", before)
      .set("missing_after", after)
      .set("missing_title", full)
      .set("create_url", urls.page(title, "action=edit"))
      .set("links_url", urls.special("links", "", engine::title_to_url(title, ctx.ed().names)));
  add_talk_form(data, ctx, title);
  Chrome chrome;
  chrome.heading = full;
  chrome.page = title;
  chrome.tab = Tab::read;
  chrome.noindex = true;
  send_html(res, ctx, chrome, "missing", std::move(data), 404);
}

}  // namespace kidwiki::web

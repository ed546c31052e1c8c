// A category page: its own text when it has one, then its members in the edition's collated order.
#include "html/page/html_layout.h"
#include "html/page/html_pages.h"
#include "html/page/html_urls.h"

namespace kidwiki::web {
namespace {

std::vector<TemplateData> member_list(const HtmlContext& ctx,
                                      const std::vector<engine::PageListEntry>& members) {
  const Urls urls(ctx.ed(), ctx.uselang);
  std::vector<TemplateData> items;
  for (const auto& member : members) {
    items.push_back(TemplateData()
                        .set("url", urls.page(member.title, member.is_redirect ? "redirect=no" : ""))
                        .set("title", engine::full_title(member.title, ctx.ed().names))
                        .set("is_redirect", member.is_redirect));
  }
  return items;
}

}  // namespace

void show_category(const httplib::Request&, httplib::Response& res, const HtmlContext& ctx,
                   const engine::Title& title) {
  auto view = ctx.wiki().read(ctx.actor, ctx.ed(), title, true);
  if (!view.ok() && view.error().code != engine::ErrorCode::not_found) {
    return send_engine_error(res, ctx, view.error());
  }
  const auto members = ctx.wiki().category_members(ctx.ed(), title.text);
  if (!view.ok() && members.empty()) return show_missing(res, ctx, title);
  TemplateData data;
  data.set("has_text", view.ok())
      .set("member_count", ctx.msg("web-category-count",
                                   {{"count", static_cast<std::int64_t>(members.size())}}))
      .set("has_members", !members.empty())
      .set("members", member_list(ctx, members))
      .set("create_url", Urls(ctx.ed(), ctx.uselang).page(title, "action=edit"));
  Chrome chrome;
  chrome.heading = engine::full_title(title, ctx.ed().names);
  chrome.page = title;
  chrome.tab = Tab::read;
  if (view.ok()) {
    data.set("article_html", view->html);
    chrome.langlinks = view->langlinks;
    chrome.categories = view->categories;
  }
  send_html(res, ctx, chrome, "category", std::move(data));
}

}  // namespace kidwiki::web

// A page as readers see it, following a redirect unless ?redirect=no.
#include "html_layout.h"
#include "html_moderation.h"
#include "html_pages.h"
#include "html_review.h"
#include "html_revision_data.h"
#include "html_urls.h"

namespace kidwiki::web {
namespace {

void add_redirect_notes(TemplateData& data, const HtmlContext& ctx, const engine::PageView& view) {
  const Urls urls(ctx.ed(), ctx.uselang);
  if (view.redirected_from) {
    const auto [before, after] = ctx.msg_around("web-redirected-from", "title");
    data.set("redirected_from", TemplateData()
                                    .set("before", before)
                                    .set("after", after)
                                    .set("url", urls.page(*view.redirected_from, "redirect=no"))
                                    .set("title", engine::full_title(*view.redirected_from,
                                                                     ctx.ed().names)));
  }
  if (view.redirect_target) {
    data.set("redirect_target",
             TemplateData()
                 .set("url", urls.page(*view.redirect_target))
                 .set("new", !ctx.wiki().exists(ctx.ed(), *view.redirect_target))
                 .set("title", engine::full_title(*view.redirect_target, ctx.ed().names)));
  }
}

}  // namespace

void show_article(const httplib::Request& req, httplib::Response& res, const HtmlContext& ctx,
                  const engine::Title& title) {
  if (title.ns == engine::Namespace::category) return show_category(req, res, ctx, title);
  const bool follow = req.get_param_value("redirect") != "no";
  // The author of a pending version sees it, under a banner that says so; a reviewer sees what
  // readers see, with how many edits wait for them.
  std::optional<engine::PageView> own;
  if (ctx.session) {
    if (auto mine = ctx.wiki().read_own(ctx.actor, ctx.ed(), title)) own = std::move(mine).value();
  }
  const bool pending = own && own->revision.review == engine::ReviewState::pending;
  auto view = pending ? engine::Result<engine::PageView>(*own)
                      : ctx.wiki().read(ctx.actor, ctx.ed(), title, follow);
  if (!view.ok()) {
    if (view.error().code == engine::ErrorCode::not_found) return show_missing(res, ctx, title);
    return send_engine_error(res, ctx, view.error());
  }
  TemplateData data;
  data.set("article_html", view->html)
      .set("last_edited",
           ctx.msg("web-last-edited", {{"time", readable_time(view->revision.timestamp)}}));
  add_redirect_notes(data, ctx, view.value());
  add_moderation_links(data, ctx, view->title);
  if (pending) {
    data.set("pending_banner", own_pending_banner(ctx));
  } else if (own && own->waiting_for_review > 0) {
    data.set("pending_banner", waiting_banner(ctx, own->waiting_for_review));
  }
  Chrome chrome;
  chrome.heading = engine::full_title(view->title, ctx.ed().names);
  chrome.page = view->title;
  chrome.tab = Tab::read;
  chrome.langlinks = view->langlinks;
  chrome.categories = view->categories;
  send_html(res, ctx, chrome, "article", std::move(data));
}

}  // namespace kidwiki::web

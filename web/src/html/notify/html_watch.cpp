// The watchlist: the star on every page a logged-in person can see, and Special:Watchlist. The
// pages one created or edited are watched without a star (the engine adds them as it saves).
#include "engine/title.h"
#include "html/notify/html_notify.h"
#include "html/page/html_layout.h"
#include "html/page/html_pages.h"
#include "html/page/html_urls.h"
#include "http/access.h"
#include "http/form_fields.h"

namespace kidwiki::web {

void add_watch_chrome(TemplateData& data, const HtmlContext& ctx, const engine::Title& page) {
  if (!ctx.session || !ctx.wiki().exists(ctx.ed(), page)) return;
  const bool watched = ctx.wiki().notifications().is_watched(ctx.actor, ctx.ed(), page);
  data.set("watch_url", Urls(ctx.ed(), ctx.uselang).page(page, "action=watch"))
      .set("watched", watched)
      .set("watch_value", watched ? "0" : "1");
}

void submit_watch(const Call& call) {
  auto caller = require(call.req, call.res, call.web, engine::Action::see_own_edits);
  if (!caller) return;
  auto page = wiki_page(call);
  if (!page) return;
  const std::string value = form_field(call.req, "wpWatch");
  if (value != "0" && value != "1") {
    return send_html_error(call.res, page->ctx, 400, page->ctx.msg("web-error-heading"),
                           page->ctx.msg("watch-error-bad-request"));
  }
  auto done = page->ctx.wiki().notifications().set_watched(caller->actor, call.ed(), page->title,
                                                           value == "1");
  if (!done) return send_engine_error(call.res, page->ctx, done.error());
  see_other(call.res, Urls(call.ed(), page->ctx.uselang).page(page->title));
}

void html_watchlist_page(const Call& call) {
  auto caller = require(call.req, call.res, call.web, engine::Action::see_own_edits);
  if (!caller) return;
  const HtmlContext ctx = make_html_context(call.req, call.web, call.edition);
  auto watched = ctx.wiki().notifications().watchlist(caller->actor, &ctx.ed());
  if (!watched) return send_engine_error(call.res, ctx, watched.error());
  const Urls urls(ctx.ed(), ctx.uselang);
  std::vector<TemplateData> items;
  for (const auto& w : watched.value()) {
    items.push_back(TemplateData()
                        .set("url", urls.page(w.title))
                        .set("title", engine::full_title(w.title, ctx.ed().names))
                        .set("history_url", urls.page(w.title, "action=history")));
  }
  TemplateData data;
  data.set("has_items", !items.empty())
      .set("items", std::move(items))
      .set("notifications_url", urls.special("notifications"));
  Chrome chrome;
  chrome.heading = ctx.msg("watchlist-heading");
  chrome.noindex = true;
  send_html(call.res, ctx, chrome, "watchlist", std::move(data));
}

}  // namespace kidwiki::web

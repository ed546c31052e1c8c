// ?oldid=N: a revision as it was, under a banner that says so, with links to its neighbours.
#include "http/form_fields.h"
#include "http/call.h"
#include "html/page/html_layout.h"
#include "html/moderation/html_moderation.h"
#include "html/page/html_pages.h"
#include "html/page/html_revision_data.h"
#include "html/wiki/html_revision_nav.h"
#include "html/page/html_urls.h"
#include "http/query_params.h"

namespace kidwiki::web {
namespace {

void add_neighbours(TemplateData& data, const HtmlContext& ctx, const engine::Title& title,
                    const engine::RevisionInfo& info) {
  const Urls urls(ctx.ed(), ctx.uselang);
  const auto newer = newer_revision_id(ctx.wiki(), ctx.ed(), title, info.id);
  data.set("has_older", info.parent_id.has_value())
      .set("has_newer", newer.has_value())
      .set("is_current", !newer.has_value())
      .set("current_url", urls.page(title));
  if (info.parent_id) data.set("older_url", urls.page(title, "oldid", *info.parent_id));
  if (newer) {
    data.set("newer_url", urls.page(title, "oldid", *newer))
        .set("newer_diff_url", urls.page(title, "diff=" + std::to_string(*newer) +
                                                    "&oldid=" + std::to_string(info.id)));
  }
}

}  // namespace

void show_old_revision(const Call& call) {
  auto page = wiki_page(call);
  if (!page) return;
  const httplib::Request& req = call.req;
  httplib::Response& res = call.res;
  const HtmlContext& ctx = page->ctx;
  const engine::Title& title = page->title;
  const auto id = parse_positive_id(req.get_param_value("oldid"));
  if (!id) {
    return send_html_error(res, ctx, 400, ctx.msg("web-error-heading"),
                           ctx.msg("web-error-bad-revision"));
  }
  auto view = ctx.wiki().read_revision(ctx.actor, ctx.ed(), *id);
  if (!view.ok()) return send_engine_error(res, ctx, view.error());
  if (view->revision.title != title) {
    // The page was moved since, or the link named another page: show it where it lives now.
    return res.set_redirect(Urls(ctx.ed(), ctx.uselang).page(view->revision.title, "oldid", *id),
                            302);
  }
  TemplateData data;
  data.set("revision", revision_data(ctx, view->revision)).set("article_html", view->html);
  data.set("banner", ctx.msg("web-oldrev-banner", {{"author", view->revision.author},
                                                   {"time", view->revision.timestamp}}));
  add_neighbours(data, ctx, title, view->revision);
  Chrome chrome;
  chrome.heading = engine::full_title(title, ctx.ed().names);
  chrome.page = title;
  chrome.tab = Tab::history;
  chrome.noindex = true;
  chrome.langlinks = view->langlinks;
  chrome.categories = view->categories;
  send_html(res, ctx, chrome, "old_revision", std::move(data));
}

}  // namespace kidwiki::web

// /special/recent: the edition's latest revisions, newest first, paged with ?before=.
#include "http/form_fields.h"
#include "http/call.h"
#include "html/page/html_layout.h"
#include "html/page/html_revision_data.h"
#include "html/page/html_specials.h"
#include "html/page/html_urls.h"
#include "http/query_params.h"

namespace kidwiki::web {
namespace {

constexpr int kRecentPageSize = 50;

}  // namespace

void show_recent_changes(const Call& call) {
  const httplib::Request& req = call.req;
  httplib::Response& res = call.res;
  const HtmlContext ctx = make_html_context(call.req, call.web, call.edition);
  const std::string before_text = req.get_param_value("before");
  const auto before = parse_positive_id(before_text);
  if (!before_text.empty() && !before) {
    return send_html_error(res, ctx, 400, ctx.msg("web-error-heading"),
                           ctx.msg("web-error-bad-revision"));
  }
  auto page = ctx.wiki().recent_changes(ctx.actor, ctx.ed(), kRecentPageSize, before);
  if (!page.ok()) return send_engine_error(res, ctx, page.error());
  const Urls urls(ctx.ed(), ctx.uselang);
  TemplateData data;
  for (const auto& info : page->items) data.add("changes", revision_data(ctx, info));
  data.set("has_changes", !page->items.empty())
      .set("has_older", page->next_before.has_value())
      .set("is_paged", before.has_value())
      .set("newest_url", urls.special("recent"));
  if (page->next_before) {
    data.set("older_url", urls.special("recent", "before=" + std::to_string(*page->next_before)));
  }
  Chrome chrome;
  chrome.heading = ctx.msg("web-recent-heading");
  send_html(res, ctx, chrome, "recent_changes", std::move(data));
}

}  // namespace kidwiki::web

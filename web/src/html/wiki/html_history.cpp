// ?action=history: the page's revisions, newest first, paged with ?before=.
#include "http/form_fields.h"
#include "http/call.h"
#include "html/page/html_layout.h"
#include "html/page/html_pages.h"
#include "html/page/html_revision_data.h"
#include "html/wiki/html_revision_nav.h"
#include "html/page/html_urls.h"
#include "http/query_params.h"

namespace kidwiki::web {
namespace {

constexpr int kHistoryPageSize = 50;

TemplateData history_row(const HtmlContext& ctx, const engine::Title& title,
                         const engine::RevisionInfo& info, std::optional<std::int64_t> current) {
  const Urls urls(ctx.ed(), ctx.uselang);
  TemplateData row = revision_data(ctx, info);
  const bool is_current = current && *current == info.id;
  row.set("is_current", is_current);
  if (!is_current && current) {
    row.set("cur_diff_url", urls.page(title, "diff=" + std::to_string(*current) +
                                                 "&oldid=" + std::to_string(info.id)))
        .set("revert_url", urls.page(title, "action=revert&oldid=" + std::to_string(info.id)));
  }
  return row;
}

}  // namespace

void show_history(const Call& call) {
  auto wiki_title = wiki_page(call);
  if (!wiki_title) return;
  const httplib::Request& req = call.req;
  httplib::Response& res = call.res;
  const HtmlContext& ctx = wiki_title->ctx;
  const engine::Title& title = wiki_title->title;
  const std::string before_text = req.get_param_value("before");
  const auto before = parse_positive_id(before_text);
  if (!before_text.empty() && !before) {
    return send_html_error(res, ctx, 400, ctx.msg("web-error-heading"),
                           ctx.msg("web-error-bad-revision"));
  }
  auto page = ctx.wiki().history(ctx.actor, ctx.ed(), title, kHistoryPageSize, before);
  if (!page.ok()) {
    if (page.error().code == engine::ErrorCode::not_found) return show_missing(res, ctx, title);
    return send_engine_error(res, ctx, page.error());
  }
  const auto current = current_revision_id(ctx.wiki(), ctx.ed(), title);
  const Urls urls(ctx.ed(), ctx.uselang);
  TemplateData data;
  for (const auto& info : page->items) data.add("revisions", history_row(ctx, title, info, current));
  data.set("has_revisions", !page->items.empty())
      .set("has_older", page->next_before.has_value())
      .set("is_paged", before.has_value())
      .set("newest_url", urls.page(title, "action=history"));
  if (page->next_before) {
    data.set("older_url",
             urls.page(title, "action=history&before=" + std::to_string(*page->next_before)));
  }
  Chrome chrome;
  heading_with(chrome, ctx, "web-history-heading", "title", engine::full_title(title, ctx.ed().names));
  chrome.page = title;
  chrome.tab = Tab::history;
  chrome.noindex = true;
  send_html(res, ctx, chrome, "history", std::move(data));
}

}  // namespace kidwiki::web

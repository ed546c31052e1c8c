// Special:Contributions: what one account wrote, in every edition, as the caller may see it.
#include "actions/account_lookup.h"
#include "html/contributions/html_contributions.h"
#include "html/page/html_layout.h"
#include "html/page/html_revision_data.h"
#include "html/page/html_urls.h"
#include "html/review/html_edit_item.h"
#include "http/query_params.h"

namespace kidwiki::web {
namespace {

constexpr int kContributionsPageSize = 50;

TemplateData item_data(const HtmlContext& ctx, const engine::Edition& ed,
                       const engine::Contribution& item) {
  HtmlContext in_edition = ctx;
  in_edition.edition = &ed;
  const std::string state(engine::review_state_name(item.info.review));
  TemplateData data = revision_data(in_edition, item.info);
  data.set("lang", ed.lang)
      .set("dir", ed.dir)
      .set("state", state)
      .set("state_label", ctx.msg("review-state-" + state))
      .set("unpublished", item.info.review != engine::ReviewState::approved)
      .set("is_current", item.is_current)
      .set("page_deleted", item.page_deleted);
  return data;
}

}  // namespace

void html_user_contributions(const Call& call) {
  const httplib::Request& req = call.req;
  httplib::Response& res = call.res;
  const HtmlContext ctx = make_html_context(req, call.web, call.edition);
  const std::string before_text = req.get_param_value("before");
  const auto before = parse_positive_id(before_text);
  if (!before_text.empty() && !before) {
    return send_html_error(res, ctx, 400, ctx.msg("web-error-heading"),
                           ctx.msg("web-error-bad-revision"));
  }
  auto account = account_from_path(call.web, ctx.actor, call.param("user"));
  if (!account) return send_engine_error(res, ctx, account.error());
  auto page = ctx.wiki().contributions(ctx.actor, account->id, kContributionsPageSize, before);
  if (!page) return send_engine_error(res, ctx, page.error());

  const auto editions = editions_by_lang(ctx);
  TemplateData data;
  for (const auto& item : page->items) {
    const auto ed = editions.find(item.lang);
    if (ed == editions.end()) continue;
    data.add("items", item_data(ctx, ed->second, item));
  }
  const Urls urls(ctx.ed(), ctx.uselang);
  data.set("has_items", !page->items.empty())
      .set("help", ctx.msg("contributions-help", {{"name", account->name}}))
      .set("none", ctx.msg("contributions-none", {{"name", account->name}}))
      .set("has_older", page->next_before.has_value())
      .set("is_paged", before.has_value())
      .set("newest_url", urls.contributions(account->name));
  if (page->next_before) {
    data.set("older_url",
             urls.contributions(account->name, "before=" + std::to_string(*page->next_before)));
  }
  Chrome chrome;
  heading_with(chrome, ctx, "contributions-heading", "name", account->name);
  chrome.noindex = true;
  send_html(res, ctx, chrome, "contributions", std::move(data));
}

}  // namespace kidwiki::web

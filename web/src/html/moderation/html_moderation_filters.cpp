// The edition's word list, edited by admins as plain text in the format of i18n/filters.
#include "http/access.h"
#include "http/call.h"
#include "http/form_fields.h"
#include "html/moderation/html_moderation.h"
#include "html/page/html_pages.h"
#include "html/page/html_urls.h"

namespace kidwiki::web {
namespace {

void send_filters_page(httplib::Response& res, const HtmlContext& ctx, TemplateData data,
                       const std::string& text, int status) {
  const auto rules = static_cast<std::int64_t>(engine::ContentFilter::parse_word_list(text).size());
  data.set("text", text)
      .set("rules_count", ctx.msg("moderation-filters-count", {{"count", rules}}))
      .set("form_url", Urls(ctx.ed(), ctx.uselang).special("filters"));
  Chrome chrome;
  chrome.heading = ctx.msg("moderation-filters-heading", {{"lang", ctx.ed().lang}});
  send_moderation_page(res, ctx, chrome, "filters", std::move(data), status);
}

}  // namespace

void html_filters_page(const Call& call) {
  const httplib::Request& req = call.req;
  httplib::Response& res = call.res;
  WebContext& web = call.web;
  const engine::Edition& ed = call.ed();
  if (!require(req, res, web, engine::Action::edit_filters)) return;
  const HtmlContext ctx = make_html_context(req, web, &ed);
  auto list = web.wiki.moderation().filter_list(ctx.actor, ed);
  if (!list) return send_engine_error(res, ctx, list.error());
  TemplateData data;
  add_done_notice(data, ctx, req, "moderation-filters-done");
  send_filters_page(res, ctx, std::move(data), list.value(), 200);
}

void html_filters_submit(const Call& call) {
  const httplib::Request& req = call.req;
  httplib::Response& res = call.res;
  WebContext& web = call.web;
  const engine::Edition& ed = call.ed();
  auto caller = require(req, res, web, engine::Action::edit_filters);
  if (!caller) return;
  const HtmlContext ctx = make_html_context(req, web, &ed);
  const std::string text = form_field(req, "wpText");
  auto done = web.wiki.moderation().set_filter_list(caller->actor, ed, text);
  if (done) return see_other(res, Urls(ed, ctx.uselang).special("filters", "done=1"));
  TemplateData data;
  const int status = add_error(data, ctx, done.error());
  send_filters_page(res, ctx, std::move(data), text, status);
}

}  // namespace kidwiki::web

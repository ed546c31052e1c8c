// Hiding a revision (personal information, say) from everyone but moderators, or showing it again.
#include "http/access.h"
#include "http/call.h"
#include "http/form_fields.h"
#include "html/moderation/html_moderation.h"
#include "html/page/html_pages.h"
#include "html/page/html_urls.h"
#include "http/query_params.h"

namespace kidwiki::web {
namespace {

void send_hide_form(httplib::Response& res, const HtmlContext& ctx, const engine::Revision& rev,
                    TemplateData data, int status) {
  const Urls urls(ctx.ed(), ctx.uselang);
  const auto& info = rev.info;
  data.set("form_url", urls.special("hide", "", std::to_string(info.id)))
      .set("history_url", urls.page(info.title, "action=history"))
      .set("revision_url", urls.page(info.title, "oldid", info.id))
      .set("author", info.author)
      .set("timestamp", info.timestamp)
      .set("hidden", info.hidden)
      .set("max_reason", static_cast<std::int64_t>(engine::Moderation::kMaxReasonBytes));
  Chrome chrome;
  heading_with(chrome, ctx, "moderation-hide-heading", "title",
               engine::full_title(info.title, ctx.ed().names), {{"id", info.id}});
  chrome.page = info.title;
  send_moderation_page(res, ctx, chrome, "hide", std::move(data), status);
}

}  // namespace

void html_hide_form(const Call& call) {
  const httplib::Request& req = call.req;
  httplib::Response& res = call.res;
  WebContext& web = call.web;
  const engine::Edition& ed = call.ed();
  const std::string& raw_id = call.param("id");
  if (!require(req, res, web, engine::Action::hide_revision)) return;
  const HtmlContext ctx = make_html_context(req, web, &ed);
  auto id = path_id(raw_id);
  if (!id) return send_engine_error(res, ctx, id.error());
  auto rev = web.wiki.revision(ctx.actor, ed, id.value());
  if (!rev) return send_engine_error(res, ctx, rev.error());
  TemplateData data;
  add_done_notice(data, ctx, req, "moderation-hide-done");
  send_hide_form(res, ctx, rev.value(), std::move(data), 200);
}

void html_hide_submit(const Call& call) {
  const httplib::Request& req = call.req;
  httplib::Response& res = call.res;
  WebContext& web = call.web;
  const engine::Edition& ed = call.ed();
  const std::string& raw_id = call.param("id");
  auto caller = require(req, res, web, engine::Action::hide_revision);
  if (!caller) return;
  const HtmlContext ctx = make_html_context(req, web, &ed);
  auto id = path_id(raw_id);
  if (!id) return send_engine_error(res, ctx, id.error());
  const bool hide = form_field(req, "wpHidden") == "1";
  const std::string reason = form_field(req, "wpReason");
  auto done =
      web.wiki.moderation().set_revision_hidden(caller->actor, ed, id.value(), hide, reason);
  auto rev = web.wiki.revision(ctx.actor, ed, id.value());
  if (!rev) return send_engine_error(res, ctx, rev.error());
  if (done) {
    return see_other(res,
                     Urls(ed, ctx.uselang).special("hide", "done=1", std::to_string(id.value())));
  }
  TemplateData data;
  data.set("reason", reason);
  const int status = add_error(data, ctx, done.error());
  send_hide_form(res, ctx, rev.value(), std::move(data), status);
}

}  // namespace kidwiki::web

// /{lang}/special/settings: an admin turns anonymous editing on or off for the edition. Readers'
// edits, when on, always wait for review (docs/moderation.md).
#include "http/access.h"
#include "http/call.h"
#include "http/error_status.h"
#include "http/form_fields.h"
#include "html/page/html_layout.h"
#include "html/page/html_pages.h"
#include "html/classes/html_settings.h"
#include "html/page/html_urls.h"

namespace kidwiki::web {
namespace {

void send_settings_page(httplib::Response& res, const HtmlContext& ctx, bool saved, int status) {
  TemplateData data;
  data.set("form_url", Urls(ctx.ed(), ctx.uselang).special("settings"))
      .set("csrf_token", ctx.session->csrf_token)
      .set("anonymous_editing", ctx.ed().anonymous_editing)
      .set("saved", saved);
  Chrome chrome;
  chrome.heading = ctx.msg("access-settings-heading", {{"edition", ctx.ed().name}});
  chrome.noindex = true;
  send_html(res, ctx, chrome, "settings", std::move(data), status);
}

}  // namespace

void html_settings_page(const Call& call) {
  const httplib::Request& req = call.req;
  httplib::Response& res = call.res;
  WebContext& web = call.web;
  const engine::Edition& edition = call.ed();
  if (!require(req, res, web, engine::Action::configure_edition)) return;
  const HtmlContext ctx = make_html_context(req, web, &edition);
  send_settings_page(res, ctx, req.has_param("saved"), 200);
}

void html_settings_submit(const Call& call) {
  const httplib::Request& req = call.req;
  httplib::Response& res = call.res;
  WebContext& web = call.web;
  const engine::Edition& edition = call.ed();
  auto caller = require(req, res, web, engine::Action::configure_edition);
  if (!caller) return;
  const bool on = form_field(req, "wpAnonymousEditing") == "on";
  auto set = web.wiki.set_anonymous_editing(caller->actor, edition, on);
  const HtmlContext ctx = make_html_context(req, web, &edition);
  if (!set) return send_engine_error(res, ctx, set.error());
  see_other(res, Urls(edition, ctx.uselang).special("settings", "saved=1"));
}

}  // namespace kidwiki::web

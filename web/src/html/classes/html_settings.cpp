// /{lang}/special/settings: an admin turns anonymous editing on or off for the edition. Readers'
// edits, when on, always wait for review (docs/moderation.md).
#include "access.h"
#include "error_status.h"
#include "html_form.h"
#include "html_layout.h"
#include "html_pages.h"
#include "html_settings.h"
#include "html_urls.h"

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

void html_settings_page(const httplib::Request& req, httplib::Response& res, WebContext& web,
                        const engine::Edition& edition) {
  if (!require(req, res, web, engine::Action::configure_edition)) return;
  const HtmlContext ctx = make_html_context(req, web, &edition);
  send_settings_page(res, ctx, req.has_param("saved"), 200);
}

void html_settings_submit(const httplib::Request& req, httplib::Response& res, WebContext& web,
                          const engine::Edition& edition) {
  auto caller = require(req, res, web, engine::Action::configure_edition);
  if (!caller) return;
  const bool on = form_field(req, "wpAnonymousEditing") == "on";
  auto set = web.wiki.set_anonymous_editing(caller->actor, edition, on);
  const HtmlContext ctx = make_html_context(req, web, &edition);
  if (!set) return send_engine_error(res, ctx, set.error());
  see_other(res, Urls(edition, ctx.uselang).special("settings", "saved=1"));
}

}  // namespace kidwiki::web

// The buttons beside a pupil on the class dashboard.
#include "http/access.h"
#include "http/call.h"
#include "html/classes/html_classes.h"
#include "http/form_fields.h"
#include "http/login_attempt.h"
#include "html/page/html_layout.h"
#include "html/page/html_pages.h"
#include "html/page/html_urls.h"
#include "http/query_params.h"

namespace kidwiki::web {
namespace {

// trust, untrust, disable, enable; invalid_input for any other action.
engine::Status set_flag(WebContext& web, const engine::Actor& actor, std::int64_t pupil,
                        const std::string& action) {
  auto& classes = web.wiki.classes();
  if (action == "trust" || action == "untrust") {
    return classes.set_trusted(actor, pupil, action == "trust");
  }
  if (action == "disable" || action == "enable") {
    return classes.set_disabled(actor, pupil, action == "disable");
  }
  return engine::make_error(engine::ErrorCode::invalid_input, "classes-error-action");
}

}  // namespace

void html_pupil_submit(const Call& call) {
  const httplib::Request& req = call.req;
  httplib::Response& res = call.res;
  WebContext& web = call.web;
  const engine::Edition& edition = call.ed();
  const std::string& raw_id = call.param("id");
  auto caller = require(req, res, web, engine::Action::manage_class);
  if (!caller) return;
  const HtmlContext ctx = make_html_context(req, web, &edition);
  auto id = path_id(raw_id);
  if (!id) return send_engine_error(res, ctx, id.error());
  // The engine decides first (403 for another teacher's pupil); the pupil's class is then theirs.
  const std::string action = form_field(req, "wpAction");
  if (action == "password") {
    auto reset = web.wiki.classes().reset_password(caller->actor, id.value());
    if (!reset) return send_engine_error(res, ctx, reset.error());
    if (!reset->user.class_id) return see_other(res, Urls(edition, ctx.uselang).special("classes"));
    auto c = web.wiki.classes().get(caller->actor, *reset->user.class_id);
    if (!c) return send_engine_error(res, ctx, c.error());
    return send_login_cards(req, res, ctx, c.value(), {reset.value()});
  }
  if (action == "unlock") {
    auto pupil = web.wiki.classes().unlock_login(caller->actor, id.value());
    if (!pupil) return send_engine_error(res, ctx, pupil.error());
    web.logins.unlock(login_account_key(pupil->name));
    if (!pupil->class_id) return see_other(res, Urls(edition, ctx.uselang).special("classes"));
    return see_other(res, Urls(edition, ctx.uselang)
                              .special("class", "", std::to_string(*pupil->class_id)));
  }
  auto done = set_flag(web, caller->actor, id.value(), action);
  if (!done) return send_engine_error(res, ctx, done.error());
  // A pupil outside any class (made on the command line) has no dashboard: back to the classes.
  const auto pupil = web.wiki.accounts().user(caller->actor, id.value());
  if (!pupil || !pupil->class_id) return see_other(res, Urls(edition, ctx.uselang).special("classes"));
  see_other(res, Urls(edition, ctx.uselang).special("class", "", std::to_string(*pupil->class_id)));
}

}  // namespace kidwiki::web

#include "api/api_settings.h"
#include "http/call.h"

#include "http/access.h"
#include "api/api_response.h"
#include "http/json_body.h"

namespace kidwiki::web {
namespace {

nlohmann::json settings_json(const engine::Edition& edition) {
  return {{"lang", edition.lang}, {"anonymous_editing", edition.anonymous_editing}};
}

}  // namespace

void api_settings_get(const Call& call) {
  httplib::Response& res = call.res;
  const engine::Edition& edition = call.ed();
  send_json(res, 200, settings_json(edition));
}

void api_settings_put(const Call& call) {
  const httplib::Request& req = call.req;
  httplib::Response& res = call.res;
  WebContext& ctx = call.web;
  const engine::Edition& edition = call.ed();
  auto caller = require(req, res, ctx, engine::Action::configure_edition);
  if (!caller) return;
  auto body = parse_json_object(req);
  if (!body) return send_api_error(req, res, body.error(), &edition);
  auto on = bool_field(body.value(), "anonymous_editing");
  if (!on) return send_api_error(req, res, on.error(), &edition);
  auto set = ctx.wiki.set_anonymous_editing(caller->actor, edition, on.value());
  if (!set) return send_api_error(req, res, set.error(), &edition);
  send_json(res, 200, settings_json(*ctx.wiki.edition(edition.lang)));
}

}  // namespace kidwiki::web

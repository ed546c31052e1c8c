#include "api/api_render.h"
#include "http/call.h"

#include "actions/preview_limit.h"
#include "http/access.h"
#include "api/api_response.h"
#include "http/json_body.h"

namespace kidwiki::web {

void api_render(const Call& call) {
  const httplib::Request& req = call.req;
  httplib::Response& res = call.res;
  WebContext& ctx = call.web;
  // Before the body is parsed: a flood of previews costs no more than its refusals.
  const Caller caller = caller_of(req, ctx);
  if (auto allowed = allow_preview(req, ctx, caller); !allowed) {
    return send_api_error(req, res, allowed.error(), nullptr);
  }
  auto body = parse_json_object(req);
  if (!body) return send_api_error(req, res, body.error(), nullptr);
  auto lang = string_field(body.value(), "lang");
  if (!lang) return send_api_error(req, res, lang.error(), nullptr);
  auto markdown = string_field(body.value(), "markdown");
  if (!markdown) return send_api_error(req, res, markdown.error(), nullptr);
  auto edition = ctx.wiki.edition(lang.value());
  if (!edition) {
    return send_api_error(
        req, res,
        engine::make_error(engine::ErrorCode::not_found, "api-error-no-edition",
                           {{"lang", lang.value()}}),
        nullptr);
  }
  auto rendered = ctx.wiki.preview(caller.actor, *edition, markdown.value());
  if (!rendered) return send_api_error(req, res, rendered.error(), &*edition);
  send_json(res, 200, {{"html", ctx.wiki.assemble(*edition, rendered->html)}});
}

}  // namespace kidwiki::web

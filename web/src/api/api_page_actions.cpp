#include "api/api_page_actions.h"
#include "http/call.h"

#include "api/api_json.h"
#include "actions/edit_access.h"
#include "api/api_response.h"
#include "http/json_body.h"

namespace kidwiki::web {

namespace {

engine::Result<engine::MoveRequest> move_request(const nlohmann::json& body) {
  auto new_title = string_field(body, "new_title");
  if (!new_title) return new_title.error();
  auto leave_redirect = optional_bool_field(body, "leave_redirect", true);
  if (!leave_redirect) return leave_redirect.error();
  auto reason = optional_string_field(body, "reason", "");
  if (!reason) return reason.error();
  engine::MoveRequest request;
  request.new_title = std::move(new_title.value());
  request.leave_redirect = leave_redirect.value();
  request.reason = std::move(reason.value());
  return request;
}

}  // namespace

void api_page_revert(const Call& call) {
  const httplib::Request& req = call.req;
  httplib::Response& res = call.res;
  WebContext& ctx = call.web;
  const engine::Edition& edition = call.ed();
  const std::string& raw_title = call.param("title");
  auto title = ctx.wiki.parse_title(edition, raw_title);
  if (!title) return send_api_error(req, res, title.error(), &edition);
  auto body = parse_json_object(req);
  if (!body) return send_api_error(req, res, body.error(), &edition);
  auto revision_id = integer_field(body.value(), "revision_id");
  if (!revision_id) return send_api_error(req, res, revision_id.error(), &edition);
  auto summary = optional_string_field(body.value(), "summary", "");
  if (!summary) return send_api_error(req, res, summary.error(), &edition);
  const Caller caller = caller_of(req, ctx);
  auto allowed = authorize_edit(req, ctx, caller, edition, title.value());
  if (!allowed) return send_api_error(req, res, allowed.error(), &edition);
  auto outcome = ctx.wiki.revert(caller.actor, edition, title.value(), revision_id.value(),
                                 summary.value());
  if (!outcome) return send_api_error(req, res, outcome.error(), &edition);
  send_json(res, 200, save_outcome_json(outcome.value()));
}

void api_page_move(const Call& call) {
  const httplib::Request& req = call.req;
  httplib::Response& res = call.res;
  WebContext& ctx = call.web;
  const engine::Edition& edition = call.ed();
  const std::string& raw_title = call.param("title");
  auto title = ctx.wiki.parse_title(edition, raw_title);
  if (!title) return send_api_error(req, res, title.error(), &edition);
  auto body = parse_json_object(req);
  if (!body) return send_api_error(req, res, body.error(), &edition);
  auto request = move_request(body.value());
  if (!request) return send_api_error(req, res, request.error(), &edition);
  const Caller caller = caller_of(req, ctx);
  auto allowed = authorize_edit(req, ctx, caller, edition, title.value(), /*move=*/true);
  if (!allowed) return send_api_error(req, res, allowed.error(), &edition);
  auto moved = ctx.wiki.move(caller.actor, edition, title.value(), request.value());
  if (!moved) return send_api_error(req, res, moved.error(), &edition);
  send_json(res, 200, {{"title", engine::full_title(moved.value(), edition.names)}});
}

}  // namespace kidwiki::web

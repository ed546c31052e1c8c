#include "api/api_pages.h"
#include "http/call.h"

#include "api/api_json.h"
#include "actions/edit_access.h"
#include "api/api_response.h"
#include "http/json_body.h"

namespace kidwiki::web {

namespace {

engine::Result<engine::SaveRequest> save_request(const nlohmann::json& body) {
  auto markdown = string_field(body, "markdown");
  if (!markdown) return markdown.error();
  auto summary = optional_string_field(body, "summary", "");
  if (!summary) return summary.error();
  auto base = nullable_integer_field(body, "base_revision_id");
  if (!base) return base.error();
  engine::SaveRequest request;
  request.markdown = std::move(markdown.value());
  request.summary = std::move(summary.value());
  request.base_revision_id = base.value();
  return request;
}

}  // namespace

void api_page_get(const Call& call) {
  const httplib::Request& req = call.req;
  httplib::Response& res = call.res;
  WebContext& ctx = call.web;
  const engine::Edition& edition = call.ed();
  const std::string& raw_title = call.param("title");
  auto title = ctx.wiki.parse_title(edition, raw_title);
  if (!title) return send_api_error(req, res, title.error(), &edition);
  bool follow = req.get_param_value("redirect") != "no";
  auto view = ctx.wiki.read(caller_of(req, ctx).actor, edition, title.value(), follow);
  if (!view) return send_api_error(req, res, view.error(), &edition);
  send_json(res, 200, page_view_json(view.value(), edition));
}

void api_page_put(const Call& call) {
  const httplib::Request& req = call.req;
  httplib::Response& res = call.res;
  WebContext& ctx = call.web;
  const engine::Edition& edition = call.ed();
  const std::string& raw_title = call.param("title");
  auto title = ctx.wiki.parse_title(edition, raw_title);
  if (!title) return send_api_error(req, res, title.error(), &edition);
  auto body = parse_json_object(req);
  if (!body) return send_api_error(req, res, body.error(), &edition);
  auto request = save_request(body.value());
  if (!request) return send_api_error(req, res, request.error(), &edition);
  const Caller caller = caller_of(req, ctx);
  auto allowed = authorize_edit(req, ctx, caller, edition, title.value());
  if (!allowed) return send_api_error(req, res, allowed.error(), &edition);
  auto outcome = ctx.wiki.save(caller.actor, edition, title.value(), request.value());
  if (!outcome) return send_api_error(req, res, outcome.error(), &edition);
  int status = outcome->status == engine::SaveStatus::created ? 201 : 200;
  nlohmann::json answer = save_outcome_json(outcome.value());
  // A pending save says which words wait for a teacher, so that a client can show them.
  if (outcome->review == engine::ReviewState::pending) {
    auto held = ctx.wiki.held_words(caller.actor, edition, outcome->revision_id);
    answer["held"] = findings_json(held ? held.value() : std::vector<engine::FilterFinding>{});
  }
  send_json(res, status, answer);
}

void api_page_backlinks(const Call& call) {
  const httplib::Request& req = call.req;
  httplib::Response& res = call.res;
  WebContext& ctx = call.web;
  const engine::Edition& edition = call.ed();
  const std::string& raw_title = call.param("title");
  auto title = ctx.wiki.parse_title(edition, raw_title);
  if (!title) return send_api_error(req, res, title.error(), &edition);
  send_json(res, 200, page_list_json(ctx.wiki.backlinks(edition, title.value()), edition));
}

}  // namespace kidwiki::web

// Blocks over the JSON API.
#include "api/api_moderation.h"
#include "http/call.h"
#include "api/api_response.h"
#include "actions/block_end.h"
#include "http/json_body.h"
#include "http/query_params.h"

namespace kidwiki::web {
namespace {

using nlohmann::json;

json block_json(const engine::Block& b) {
  return {{"id", b.id},
          {"user_id", b.user_id},
          {"user_name", b.user_name},
          {"blocked_by", b.blocked_by},
          {"blocked_by_name", b.blocked_by_name},
          {"reason", b.reason},
          {"created_at", b.created_at},
          {"expires_at", b.expires_at ? json(*b.expires_at) : json(nullptr)}};
}

// expires_at as given, or `hours` from now, or empty (until lifted).
engine::Result<std::optional<std::string>> block_end(const json& body) {
  auto expires_at = body.contains("expires_at") && !body["expires_at"].is_null()
                        ? string_field(body, "expires_at")
                        : engine::Result<std::string>(std::string());
  if (!expires_at) return expires_at.error();
  if (!expires_at->empty()) return std::optional<std::string>(expires_at.value());
  auto hours = nullable_integer_field(body, "hours");
  if (!hours) return hours.error();
  if (!hours.value()) return std::optional<std::string>();
  auto end = block_end_after(*hours.value());
  if (!end) return end.error();
  return std::optional<std::string>(end.value());
}

}  // namespace

void api_block_user(const Call& call) {
  const httplib::Request& req = call.req;
  httplib::Response& res = call.res;
  WebContext& ctx = call.web;
  const std::string& raw_id = call.param("id");
  auto caller = require(req, res, ctx, engine::Action::block_user);
  if (!caller) return;
  auto id = path_id(raw_id);
  if (!id) return send_api_error(req, res, id.error(), nullptr);
  auto body = parse_json_object(req);
  if (!body) return send_api_error(req, res, body.error(), nullptr);
  auto reason = string_field(body.value(), "reason");
  if (!reason) return send_api_error(req, res, reason.error(), nullptr);
  auto end = block_end(body.value());
  if (!end) return send_api_error(req, res, end.error(), nullptr);
  auto block =
      ctx.wiki.moderation().block(caller->actor, id.value(), reason.value(), end.value());
  if (!block) return send_api_error(req, res, block.error(), nullptr);
  send_json(res, 201, {{"block", block_json(block.value())}});
}

void api_unblock_user(const Call& call) {
  const httplib::Request& req = call.req;
  httplib::Response& res = call.res;
  WebContext& ctx = call.web;
  const std::string& raw_id = call.param("id");
  auto caller = require(req, res, ctx, engine::Action::block_user);
  if (!caller) return;
  auto id = path_id(raw_id);
  if (!id) return send_api_error(req, res, id.error(), nullptr);
  std::string reason;
  if (!req.body.empty()) {  // a DELETE may come without a body
    auto body = parse_json_object(req);
    if (!body) return send_api_error(req, res, body.error(), nullptr);
    auto given = optional_string_field(body.value(), "reason", "");
    if (!given) return send_api_error(req, res, given.error(), nullptr);
    reason = given.value();
  }
  auto done = ctx.wiki.moderation().unblock(caller->actor, id.value(), reason);
  if (!done) return send_api_error(req, res, done.error(), nullptr);
  send_json(res, 200, {{"user_id", id.value()}, {"blocked", false}});
}

void api_blocks(const Call& call) {
  const httplib::Request& req = call.req;
  httplib::Response& res = call.res;
  WebContext& ctx = call.web;
  auto caller = require(req, res, ctx, engine::Action::block_user);
  if (!caller) return;
  auto active = ctx.wiki.moderation().active_blocks(caller->actor);
  if (!active) return send_api_error(req, res, active.error(), nullptr);
  json blocks = json::array();
  for (const auto& b : active.value()) blocks.push_back(block_json(b));
  res.set_header("Cache-Control", "no-store");
  send_json(res, 200, {{"blocks", std::move(blocks)}});
}

}  // namespace kidwiki::web

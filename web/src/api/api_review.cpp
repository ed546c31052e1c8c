#include "api/api_review.h"
#include "http/call.h"

#include <limits>

#include "http/access.h"
#include "api/api_json.h"
#include "api/api_response.h"
#include "http/json_body.h"
#include "http/query_params.h"
#include "actions/review_decision.h"

namespace kidwiki::web {
namespace {

using nlohmann::json;

constexpr int kDefaultQueueLimit = 50;
constexpr std::int64_t kMaxId = std::numeric_limits<std::int64_t>::max();

json nullable(std::optional<std::int64_t> id) { return id ? json(*id) : json(nullptr); }

json queue_item_json(WebContext& ctx, const engine::ReviewItem& item) {
  const auto ed = ctx.wiki.edition(item.lang);
  const auto& rev = item.latest;
  return {{"revision_id", rev.id},
          {"lang", item.lang},
          {"title", ed ? engine::full_title(rev.title, ed->names) : rev.title.text},
          {"author", rev.author},
          {"timestamp", rev.timestamp},
          {"summary", rev.summary},
          {"approved_revision_id", nullable(item.approved_revision_id)},
          {"diff_url", "/api/v1/review/" + std::to_string(rev.id)}};
}

// The edition named by ?lang=, or null for every edition.
engine::Result<const engine::Edition*> queue_edition(const httplib::Request& req, WebContext& ctx,
                                                     std::optional<engine::Edition>& holder) {
  const std::string lang = req.get_param_value("lang");
  if (lang.empty()) return static_cast<const engine::Edition*>(nullptr);
  holder = ctx.wiki.edition(lang);
  if (!holder) {
    return engine::make_error(engine::ErrorCode::not_found, "api-error-no-edition", {{"lang", lang}});
  }
  return &*holder;
}

void decide(const httplib::Request& req, httplib::Response& res, WebContext& ctx,
            const std::string& raw_id, bool approve) {
  auto caller = require(req, res, ctx, engine::Action::review_class);
  if (!caller) return;
  auto id = path_id(raw_id);
  if (!id) return send_api_error(req, res, id.error(), nullptr);
  std::string message;
  if (!approve) {
    auto body = parse_json_object(req);
    if (!body) return send_api_error(req, res, body.error(), nullptr);
    auto field = string_field(body.value(), "message");
    if (!field) return send_api_error(req, res, field.error(), nullptr);
    message = field.value();
  }
  auto done = review_decision(ctx, caller->actor, id.value(), approve, message);
  if (!done) return send_api_error(req, res, done.error(), nullptr);
  send_json(res, 200, {{"revision_id", id.value()}, {"status", approve ? "approved" : "rejected"}});
}

}  // namespace

void api_review_queue(const Call& call) {
  const httplib::Request& req = call.req;
  httplib::Response& res = call.res;
  WebContext& ctx = call.web;
  auto caller = require(req, res, ctx, engine::Action::review_class);
  if (!caller) return;
  auto class_id = query_integer(req, "class", 1, kMaxId);
  if (!class_id) return send_api_error(req, res, class_id.error(), nullptr);
  auto limit = list_limit(req, ctx.wiki.options().max_list_limit, kDefaultQueueLimit);
  if (!limit) return send_api_error(req, res, limit.error(), nullptr);
  std::optional<engine::Edition> holder;
  auto ed = queue_edition(req, ctx, holder);
  if (!ed) return send_api_error(req, res, ed.error(), nullptr);
  auto items = ctx.wiki.review_queue(caller->actor, ed.value(), class_id.value(), limit.value());
  if (!items) return send_api_error(req, res, items.error(), ed.value());
  json pages = json::array();
  for (const auto& item : items.value()) pages.push_back(queue_item_json(ctx, item));
  send_json(res, 200, {{"pages", std::move(pages)}});
}

void api_review_item(const Call& call) {
  const httplib::Request& req = call.req;
  httplib::Response& res = call.res;
  WebContext& ctx = call.web;
  const std::string& raw_id = call.param("id");
  auto caller = require(req, res, ctx, engine::Action::review_class);
  if (!caller) return;
  auto id = path_id(raw_id);
  if (!id) return send_api_error(req, res, id.error(), nullptr);
  auto detail = ctx.wiki.review_detail(caller->actor, id.value());
  if (!detail) return send_api_error(req, res, detail.error(), nullptr);
  const auto& item = detail->item;
  const auto ed = ctx.wiki.edition(item.lang).value();
  const auto approved = item.approved_revision_id;
  json out = {{"revision_id", id.value()},
              {"lang", item.lang},
              {"title", engine::full_title(item.latest.title, ed.names)},
              {"author", item.latest.author},
              {"timestamp", item.latest.timestamp},
              {"summary", item.latest.summary},
              {"summaries", detail->summaries},
              {"overlaps", detail->overlaps},
              {"held", findings_json(detail->held)},
              {"status", engine::review_state_name(item.latest.review)},
              {"approved_revision_id", nullable(approved)},
              {"diff", diff_json(detail->diff, approved.value_or(0), id.value())}};
  out["diff"]["from"] = nullable(approved);
  send_json(res, 200, out);
}

void api_review_approve(const Call& call) {
  const httplib::Request& req = call.req;
  httplib::Response& res = call.res;
  WebContext& ctx = call.web;
  const std::string& raw_id = call.param("id");
  decide(req, res, ctx, raw_id, true);
}

void api_review_reject(const Call& call) {
  const httplib::Request& req = call.req;
  httplib::Response& res = call.res;
  WebContext& ctx = call.web;
  const std::string& raw_id = call.param("id");
  decide(req, res, ctx, raw_id, false);
}

}  // namespace kidwiki::web

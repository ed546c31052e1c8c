// The moderators' reports queue, the word lists and the audit log over the JSON API.
#include "api/api_moderation.h"
#include "http/call.h"
#include "api/api_response.h"
#include "http/json_body.h"
#include "http/query_params.h"

namespace kidwiki::web {
namespace {

using nlohmann::json;

constexpr int kDefaultLimit = 50;
constexpr int kMaxLimit = 500;

json optional_id(const std::optional<std::int64_t>& id) { return id ? json(*id) : json(nullptr); }

json queued_report_json(WebContext& ctx, const engine::Report& r) {
  auto ed = ctx.wiki.edition(r.lang);
  return {{"id", r.id},
          {"lang", r.lang},
          {"title", ed ? engine::full_title(r.title, ed->names) : r.title.text},
          {"revision_id", optional_id(r.revision_id)},
          {"reason", r.reason},
          {"reporter_id", optional_id(r.reporter_id)},
          {"reporter_name", r.reporter_id ? json(r.reporter_name) : json(nullptr)},
          {"created_at", r.created_at}};
}

json audit_json(const engine::AuditEntry& e) {
  return {{"id", e.id},
          {"at", e.at},
          {"actor_id", optional_id(e.actor_id)},
          {"actor_name", e.actor_name},
          {"action", e.action},
          {"target_type", e.target_type},
          {"target_id", optional_id(e.target_id)},
          {"target_label", e.target_label},
          {"class_id", optional_id(e.class_id)},
          {"reason", e.reason}};
}

}  // namespace

void api_reports(const Call& call) {
  const httplib::Request& req = call.req;
  httplib::Response& res = call.res;
  WebContext& ctx = call.web;
  auto caller = require(req, res, ctx, engine::Action::handle_reports);
  if (!caller) return;
  auto limit = list_limit(req, kMaxLimit, kDefaultLimit);
  if (!limit) return send_api_error(req, res, limit.error(), nullptr);
  auto open = ctx.wiki.moderation().open_reports(caller->actor, limit.value());
  if (!open) return send_api_error(req, res, open.error(), nullptr);
  json reports = json::array();
  for (const auto& r : open.value()) {
    reports.push_back(queued_report_json(ctx, r));
  }
  res.set_header("Cache-Control", "no-store");
  send_json(res, 200, {{"reports", std::move(reports)}});
}

void api_report_resolve(const Call& call) {
  const httplib::Request& req = call.req;
  httplib::Response& res = call.res;
  WebContext& ctx = call.web;
  const std::string& raw_id = call.param("id");
  auto caller = require(req, res, ctx, engine::Action::handle_reports);
  if (!caller) return;
  auto id = path_id(raw_id);
  if (!id) return send_api_error(req, res, id.error(), nullptr);
  auto body = parse_json_object(req);
  if (!body) return send_api_error(req, res, body.error(), nullptr);
  auto note = optional_string_field(body.value(), "note", "");
  if (!note) return send_api_error(req, res, note.error(), nullptr);
  auto done = ctx.wiki.moderation().resolve_report(caller->actor, id.value(), note.value());
  if (!done) return send_api_error(req, res, done.error(), nullptr);
  send_json(res, 200, {{"id", id.value()}, {"resolved", true}});
}

void api_filters_get(const Call& call) {
  const httplib::Request& req = call.req;
  httplib::Response& res = call.res;
  WebContext& ctx = call.web;
  const engine::Edition& ed = call.ed();
  auto caller = require(req, res, ctx, engine::Action::edit_filters);
  if (!caller) return;
  auto list = ctx.wiki.moderation().filter_list(caller->actor, ed);
  if (!list) return send_api_error(req, res, list.error(), &ed);
  res.set_header("Cache-Control", "no-store");
  send_json(res, 200, {{"lang", ed.lang}, {"text", list.value()}});
}

void api_filters_put(const Call& call) {
  const httplib::Request& req = call.req;
  httplib::Response& res = call.res;
  WebContext& ctx = call.web;
  const engine::Edition& ed = call.ed();
  auto caller = require(req, res, ctx, engine::Action::edit_filters);
  if (!caller) return;
  auto body = parse_json_object(req);
  if (!body) return send_api_error(req, res, body.error(), &ed);
  auto text = string_field(body.value(), "text");
  if (!text) return send_api_error(req, res, text.error(), &ed);
  auto done = ctx.wiki.moderation().set_filter_list(caller->actor, ed, text.value());
  if (!done) return send_api_error(req, res, done.error(), &ed);
  auto rules = engine::ContentFilter::parse_word_list(text.value()).size();
  send_json(res, 200, {{"lang", ed.lang}, {"rules", rules}});
}

void api_audit(const Call& call) {
  const httplib::Request& req = call.req;
  httplib::Response& res = call.res;
  WebContext& ctx = call.web;
  auto caller = require(req, res, ctx, engine::Action::view_audit_class);
  if (!caller) return;
  auto class_id = query_integer(req, "class", 1, INT64_MAX);
  if (!class_id) return send_api_error(req, res, class_id.error(), nullptr);
  auto before = query_integer(req, "before", 1, INT64_MAX);
  if (!before) return send_api_error(req, res, before.error(), nullptr);
  auto limit = list_limit(req, kMaxLimit, kDefaultLimit);
  if (!limit) return send_api_error(req, res, limit.error(), nullptr);
  auto found = ctx.wiki.moderation().audit_log(caller->actor,
                                                {class_id.value(), before.value(), limit.value()});
  if (!found) return send_api_error(req, res, found.error(), nullptr);
  const auto& entries = found.value();
  json out = json::array();
  for (const auto& e : entries) out.push_back(audit_json(e));
  bool full = static_cast<int>(entries.size()) == limit.value();
  res.set_header("Cache-Control", "no-store");
  send_json(res, 200,
            {{"entries", std::move(out)},
             {"next_before", full ? json(entries.back().id) : json(nullptr)}});
}

}  // namespace kidwiki::web

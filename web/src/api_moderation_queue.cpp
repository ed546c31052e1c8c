// The moderators' reports queue, the word lists and the audit log over the JSON API.
#include "api_moderation.h"
#include "api_response.h"
#include "audit_scope.h"
#include "json_body.h"
#include "query_params.h"

namespace kidwiki::web {
namespace {

using nlohmann::json;

constexpr int kDefaultLimit = 50;
constexpr int kMaxLimit = 500;

json optional_id(const std::optional<std::int64_t>& id) { return id ? json(*id) : json(nullptr); }

json queued_report_json(WebContext& ctx, const engine::Report& r) {
  auto ed = ctx.wiki.edition(r.lang);
  auto reporter = r.reporter_id ? ctx.wiki.accounts().user(*r.reporter_id) : std::nullopt;
  return {{"id", r.id},
          {"lang", r.lang},
          {"title", ed ? engine::full_title(r.title, ed->names) : r.title.text},
          {"revision_id", optional_id(r.revision_id)},
          {"reason", r.reason},
          {"reporter_id", optional_id(r.reporter_id)},
          {"reporter_name", reporter ? json(reporter->name) : json(nullptr)},
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

void api_reports(const httplib::Request& req, httplib::Response& res, WebContext& ctx) {
  if (!require(req, res, ctx, engine::Action::handle_reports)) return;
  auto limit = list_limit(req, kMaxLimit, kDefaultLimit);
  if (!limit) return send_api_error(req, res, limit.error(), nullptr);
  json reports = json::array();
  for (const auto& r : ctx.wiki.moderation().open_reports(limit.value())) {
    reports.push_back(queued_report_json(ctx, r));
  }
  res.set_header("Cache-Control", "no-store");
  send_json(res, 200, {{"reports", std::move(reports)}});
}

void api_report_resolve(const httplib::Request& req, httplib::Response& res, WebContext& ctx,
                        const std::string& raw_id) {
  auto caller = require(req, res, ctx, engine::Action::handle_reports);
  if (!caller) return;
  auto id = path_id(raw_id);
  if (!id) return send_api_error(req, res, id.error(), nullptr);
  auto body = parse_json_object(req);
  if (!body) return send_api_error(req, res, body.error(), nullptr);
  auto note = optional_string_field(body.value(), "note", "");
  if (!note) return send_api_error(req, res, note.error(), nullptr);
  auto done = ctx.wiki.moderation().resolve_report(*caller->user_id(), id.value(), note.value());
  if (!done) return send_api_error(req, res, done.error(), nullptr);
  send_json(res, 200, {{"id", id.value()}, {"resolved", true}});
}

void api_filters_get(const httplib::Request& req, httplib::Response& res, WebContext& ctx,
                     const engine::Edition& ed) {
  if (!require(req, res, ctx, engine::Action::edit_filters)) return;
  res.set_header("Cache-Control", "no-store");
  send_json(res, 200, {{"lang", ed.lang}, {"text", ctx.wiki.moderation().filter_list(ed)}});
}

void api_filters_put(const httplib::Request& req, httplib::Response& res, WebContext& ctx,
                     const engine::Edition& ed) {
  auto caller = require(req, res, ctx, engine::Action::edit_filters);
  if (!caller) return;
  auto body = parse_json_object(req);
  if (!body) return send_api_error(req, res, body.error(), &ed);
  auto text = string_field(body.value(), "text");
  if (!text) return send_api_error(req, res, text.error(), &ed);
  auto done = ctx.wiki.moderation().set_filter_list(*caller->user_id(), ed, text.value());
  if (!done) return send_api_error(req, res, done.error(), &ed);
  auto rules = engine::ContentFilter::parse_word_list(text.value()).size();
  send_json(res, 200, {{"lang", ed.lang}, {"rules", rules}});
}

void api_audit(const httplib::Request& req, httplib::Response& res, WebContext& ctx) {
  auto caller = require(req, res, ctx, engine::Action::view_audit_class);
  if (!caller) return;
  auto class_id = query_integer(req, "class", 1, INT64_MAX);
  if (!class_id) return send_api_error(req, res, class_id.error(), nullptr);
  // The API answers the whole log's refusal as a refusal; the HTML page offers a class instead.
  if (!class_id.value() && !caller->may(engine::Action::view_audit_all)) {
    return send_api_error(
        req, res, engine::make_error(engine::ErrorCode::forbidden, "moderation-error-audit-class"),
        nullptr);
  }
  auto before = query_integer(req, "before", 1, INT64_MAX);
  if (!before) return send_api_error(req, res, before.error(), nullptr);
  auto limit = list_limit(req, kMaxLimit, kDefaultLimit);
  if (!limit) return send_api_error(req, res, limit.error(), nullptr);
  auto scope = audit_scope(ctx, *caller, class_id.value());
  if (!scope) return send_api_error(req, res, scope.error(), nullptr);
  auto entries = ctx.wiki.moderation().audit_log({scope.value(), before.value(), limit.value()});
  json out = json::array();
  for (const auto& e : entries) out.push_back(audit_json(e));
  bool full = static_cast<int>(entries.size()) == limit.value();
  res.set_header("Cache-Control", "no-store");
  send_json(res, 200,
            {{"entries", std::move(out)},
             {"next_before", full ? json(entries.back().id) : json(nullptr)}});
}

}  // namespace kidwiki::web

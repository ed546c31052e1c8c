// Moderators' actions on pages and revisions over the JSON API, and readers' reports.
#include "api/api_moderation.h"
#include "http/call.h"
#include "api/api_response.h"
#include "http/json_body.h"
#include "http/query_params.h"

namespace kidwiki::web {
namespace {

using nlohmann::json;

json report_json(const engine::Report& r, const engine::Edition& ed) {
  return {{"id", r.id},
          {"lang", r.lang},
          {"title", engine::full_title(r.title, ed.names)},
          {"revision_id", r.revision_id ? json(*r.revision_id) : json(nullptr)},
          {"reason", r.reason},
          {"created_at", r.created_at}};
}

engine::Result<std::string> reason_of(const httplib::Request& req, bool required) {
  auto body = parse_json_object(req);
  if (!body) return body.error();
  return required ? string_field(body.value(), "reason")
                  : optional_string_field(body.value(), "reason", "");
}

// The steps every page action shares: the right, the title, the reason; then `act`.
template <class Act>
void page_action(const httplib::Request& req, httplib::Response& res, WebContext& ctx,
                 const engine::Edition& ed, const std::string& raw_title, engine::Action action,
                 bool reason_required, Act act) {
  auto caller = require(req, res, ctx, action);
  if (!caller) return;
  auto title = ctx.wiki.parse_title(ed, raw_title);
  if (!title) return send_api_error(req, res, title.error(), &ed);
  auto reason = reason_of(req, reason_required);
  if (!reason) return send_api_error(req, res, reason.error(), &ed);
  auto done = act(caller->actor, title.value(), reason.value());
  if (!done) return send_api_error(req, res, done.error(), &ed);
  send_json(res, 200, done.value());
}

}  // namespace

void api_page_protect(const Call& call) {
  const httplib::Request& req = call.req;
  httplib::Response& res = call.res;
  WebContext& ctx = call.web;
  const engine::Edition& ed = call.ed();
  const std::string& raw_title = call.param("title");
  auto caller = require(req, res, ctx, engine::Action::protect_page);
  if (!caller) return;
  auto title = ctx.wiki.parse_title(ed, raw_title);
  if (!title) return send_api_error(req, res, title.error(), &ed);
  auto body = parse_json_object(req);
  if (!body) return send_api_error(req, res, body.error(), &ed);
  auto level_name = string_field(body.value(), "level");
  if (!level_name) return send_api_error(req, res, level_name.error(), &ed);
  auto level = engine::protection_from_name(level_name.value());
  if (!level) {
    return send_api_error(
        req, res,
        engine::make_error(engine::ErrorCode::invalid_input, "moderation-error-protection-level"),
        &ed);
  }
  auto reason = string_field(body.value(), "reason");
  if (!reason) return send_api_error(req, res, reason.error(), &ed);
  auto done =
      ctx.wiki.moderation().protect(caller->actor, ed, title.value(), *level, reason.value());
  if (!done) return send_api_error(req, res, done.error(), &ed);
  send_json(res, 200,
            {{"title", engine::full_title(title.value(), ed.names)},
             {"protection", std::string(engine::protection_name(*level))}});
}

void api_revision_hide(const Call& call) {
  const httplib::Request& req = call.req;
  httplib::Response& res = call.res;
  WebContext& ctx = call.web;
  const engine::Edition& ed = call.ed();
  const std::string& raw_id = call.param("id");
  auto caller = require(req, res, ctx, engine::Action::hide_revision);
  if (!caller) return;
  auto id = path_id(raw_id);
  if (!id) return send_api_error(req, res, id.error(), &ed);
  auto body = parse_json_object(req);
  if (!body) return send_api_error(req, res, body.error(), &ed);
  auto hidden = optional_bool_field(body.value(), "hidden", true);
  if (!hidden) return send_api_error(req, res, hidden.error(), &ed);
  auto reason = optional_string_field(body.value(), "reason", "");
  if (!reason) return send_api_error(req, res, reason.error(), &ed);
  auto done = ctx.wiki.moderation().set_revision_hidden(caller->actor, ed, id.value(),
                                                        hidden.value(), reason.value());
  if (!done) return send_api_error(req, res, done.error(), &ed);
  send_json(res, 200, {{"revision_id", id.value()}, {"hidden", hidden.value()}});
}

void api_page_delete(const Call& call) {
  const httplib::Request& req = call.req;
  httplib::Response& res = call.res;
  WebContext& ctx = call.web;
  const engine::Edition& ed = call.ed();
  const std::string& raw_title = call.param("title");
  page_action(req, res, ctx, ed, raw_title, engine::Action::delete_page, true,
              [&](const engine::Actor& actor, const engine::Title& t,
                  const std::string& reason) -> engine::Result<json> {
                auto done = ctx.wiki.moderation().delete_page(actor, ed, t, reason);
                if (!done) return done.error();
                return json{{"title", engine::full_title(t, ed.names)}, {"deleted", true}};
              });
}

void api_page_restore(const Call& call) {
  const httplib::Request& req = call.req;
  httplib::Response& res = call.res;
  WebContext& ctx = call.web;
  const engine::Edition& ed = call.ed();
  const std::string& raw_title = call.param("title");
  page_action(req, res, ctx, ed, raw_title, engine::Action::delete_page, false,
              [&](const engine::Actor& actor, const engine::Title& t,
                  const std::string& reason) -> engine::Result<json> {
                auto done = ctx.wiki.moderation().restore_page(actor, ed, t, reason);
                if (!done) return done.error();
                return json{{"title", engine::full_title(t, ed.names)}, {"deleted", false}};
              });
}

void api_page_report(const Call& call) {
  const httplib::Request& req = call.req;
  httplib::Response& res = call.res;
  WebContext& ctx = call.web;
  const engine::Edition& ed = call.ed();
  const std::string& raw_title = call.param("title");
  auto caller = require(req, res, ctx, engine::Action::report_page);
  if (!caller) return;
  auto title = ctx.wiki.parse_title(ed, raw_title);
  if (!title) return send_api_error(req, res, title.error(), &ed);
  auto reason = reason_of(req, /*required=*/true);
  if (!reason) return send_api_error(req, res, reason.error(), &ed);
  if (auto wait = report_wait(req, ctx, *caller); wait.count() > 0) {
    res.set_header("Retry-After", std::to_string(wait.count()));
    return send_api_error(
        req, res,
        engine::make_error(engine::ErrorCode::rate_limited, "moderation-error-report-rate-limited",
                           {{"seconds", std::int64_t{wait.count()}}}),
        &ed);
  }
  auto report = ctx.wiki.moderation().report(caller->actor, ed, title.value(), reason.value());
  if (!report) return send_api_error(req, res, report.error(), &ed);
  send_json(res, 201, {{"report", report_json(report.value(), ed)}});
}

}  // namespace kidwiki::web

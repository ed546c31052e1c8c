// "Report this page": the readers' form, and the moderators' queue of open reports.
#include "http/access.h"
#include "http/call.h"
#include "actions/report_limit.h"
#include "http/form_fields.h"
#include "html/moderation/html_moderation.h"
#include "html/page/html_pages.h"
#include "html/page/html_revision_data.h"
#include "html/page/html_urls.h"
#include "http/query_params.h"

namespace kidwiki::web {
namespace {

constexpr int kQueueLength = 200;

void send_report_form(httplib::Response& res, const HtmlContext& ctx, const engine::Title& title,
                      TemplateData data, int status) {
  const std::string full = engine::full_title(title, ctx.ed().names);
  const Urls urls(ctx.ed(), ctx.uselang);
  data.set("form_url", urls.special("report", "", engine::title_to_url(title, ctx.ed().names)))
      .set("page_url", urls.page(title))
      .set("page_title", full)
      .set("max_reason", static_cast<std::int64_t>(engine::Moderation::kMaxReasonBytes));
  Chrome chrome;
  heading_with(chrome, ctx, "moderation-report-heading", "title", full);
  send_moderation_page(res, ctx, chrome, "report", std::move(data), status);
}

TemplateData report_item(const HtmlContext& ctx, const engine::Report& r) {
  TemplateData item;
  item.set("id", r.id).set("reason", r.reason).set("created_at", readable_time(ctx, r.created_at));
  item.set("reporter", r.reporter_id ? r.reporter_name : ctx.msg("moderation-reporter-reader"));
  auto ed = ctx.wiki().edition(r.lang);
  if (!ed) return item;
  const Urls urls(*ed, ctx.uselang);
  item.set("title", r.lang + ": " + engine::full_title(r.title, ed->names))
      .set("page_url", urls.page(r.title));
  if (r.revision_id) {
    item.set("has_revision", true).set("revision_url", urls.page(r.title, "oldid", *r.revision_id));
  }
  return item;
}

}  // namespace

void html_report_form(const Call& call) {
  const httplib::Request& req = call.req;
  httplib::Response& res = call.res;
  WebContext& web = call.web;
  const engine::Edition& ed = call.ed();
  const std::string& raw_title = call.param("title");
  const HtmlContext ctx = make_html_context(req, web, &ed);
  auto title = web.wiki.parse_title(ed, raw_title);
  if (!title) return send_engine_error(res, ctx, title.error());
  if (!web.wiki.exists(ed, title.value())) return show_missing(res, ctx, title.value());
  TemplateData data;
  data.set("show_form", req.get_param_value("done") != "1");
  add_done_notice(data, ctx, req, "moderation-report-thanks");
  send_report_form(res, ctx, title.value(), std::move(data), 200);
}

void html_report_submit(const Call& call) {
  const httplib::Request& req = call.req;
  httplib::Response& res = call.res;
  WebContext& web = call.web;
  const engine::Edition& ed = call.ed();
  const std::string& raw_title = call.param("title");
  auto caller = require(req, res, web, engine::Action::report_page);
  if (!caller) return;
  const HtmlContext ctx = make_html_context(req, web, &ed);
  auto title = web.wiki.parse_title(ed, raw_title);
  if (!title) return send_engine_error(res, ctx, title.error());
  const std::string reason = form_field(req, "wpReason");
  TemplateData data;
  data.set("show_form", true).set("reason", reason);
  if (auto wait = report_wait(req, web, *caller); wait.count() > 0) {
    res.set_header("Retry-After", std::to_string(wait.count()));
    auto error =
        engine::make_error(engine::ErrorCode::rate_limited, "moderation-error-report-rate-limited",
                           {{"seconds", std::int64_t{wait.count()}}});
    int status = add_error(data, ctx, error);
    return send_report_form(res, ctx, title.value(), std::move(data), status);
  }
  auto report = web.wiki.moderation().report(caller->actor, ed, title.value(), reason);
  if (!report) {
    int status = add_error(data, ctx, report.error());
    return send_report_form(res, ctx, title.value(), std::move(data), status);
  }
  see_other(res, Urls(ed, ctx.uselang)
                     .special("report", "done=1", engine::title_to_url(title.value(), ed.names)));
}

void html_reports_queue(const Call& call) {
  const httplib::Request& req = call.req;
  httplib::Response& res = call.res;
  WebContext& web = call.web;
  const engine::Edition& ed = call.ed();
  if (!require(req, res, web, engine::Action::handle_reports)) return;
  const HtmlContext ctx = make_html_context(req, web, &ed);
  auto open = web.wiki.moderation().open_reports(ctx.actor, kQueueLength);
  if (!open) return send_engine_error(res, ctx, open.error());
  TemplateData data;
  std::vector<TemplateData> items;
  for (const auto& r : open.value()) {
    items.push_back(report_item(ctx, r));
  }
  data.set("has_reports", !items.empty())
      .set("reports", std::move(items))
      .set("form_url", Urls(ed, ctx.uselang).special("reports"));
  add_done_notice(data, ctx, req, "moderation-reports-resolved");
  Chrome chrome;
  chrome.heading = ctx.msg("moderation-reports-heading");
  send_moderation_page(res, ctx, chrome, "reports", std::move(data));
}

void html_reports_resolve(const Call& call) {
  const httplib::Request& req = call.req;
  httplib::Response& res = call.res;
  WebContext& web = call.web;
  const engine::Edition& ed = call.ed();
  auto caller = require(req, res, web, engine::Action::handle_reports);
  if (!caller) return;
  const HtmlContext ctx = make_html_context(req, web, &ed);
  auto id = parse_positive_id(form_field(req, "wpReport"));
  auto done =
      id ? web.wiki.moderation().resolve_report(caller->actor, *id, form_field(req, "wpNote"))
         : engine::Status(engine::make_error(engine::ErrorCode::not_found,
                                             "moderation-error-report-not-found"));
  if (!done) return send_engine_error(res, ctx, done.error());
  see_other(res, Urls(ed, ctx.uselang).special("reports", "done=1"));
}

}  // namespace kidwiki::web

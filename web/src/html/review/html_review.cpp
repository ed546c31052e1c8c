// The review queue: each page waiting, with the change from what readers see to its newest
// pending version, an Approve button and a Send back form. Both forms POST and answer 303 back to
// the queue, so that reloading the page never sends a decision twice.
#include <algorithm>
#include <limits>

#include "http/access.h"
#include "http/call.h"
#include "http/error_status.h"
#include "html/page/html_diff_table.h"
#include "http/form_fields.h"
#include "html/page/html_layout.h"
#include "html/page/html_pages.h"
#include "html/review/html_review.h"
#include "html/page/html_revision_data.h"
#include "html/page/html_urls.h"
#include "http/query_params.h"
#include "actions/review_decision.h"
#include "web/server.h"

namespace kidwiki::web {
namespace {

constexpr int kQueueShown = 50;

// What the queue page shows besides the queue: a decision just made, or a refusal with the
// message the reviewer typed kept in its form.
struct QueueNotice {
  std::optional<std::string> done;   // already in the interface language
  std::optional<std::string> error;  // already in the interface language
  std::int64_t failed_id = 0;
  std::string message;
};

// A picture waiting for review is shown large, with what to look for: a machine cannot tell a
// face or a school's name, so the teacher must.
std::optional<TemplateData> picture_data(const HtmlContext& ctx, const engine::ReviewItem& item) {
  if (item.latest.title.ns != engine::Namespace::file) return std::nullopt;
  const auto ed = ctx.wiki().edition(item.lang);
  if (!ed) return std::nullopt;
  auto pending = ctx.wiki().read_revision(ctx.actor, *ed, item.latest.id);
  if (!pending || !pending->file) return std::nullopt;
  const engine::FileInfo& file = *pending->file;
  if (item.approved_revision_id) {
    auto published = ctx.wiki().read_revision(ctx.actor, *ed, *item.approved_revision_id);
    if (published && published->file && published->file->sha256 == file.sha256) return std::nullopt;
  }
  const int shown = std::min(880, file.width);
  return TemplateData()
      .set("src", media_address(file, shown < file.width ? shown : 0))
      .set("full_url", media_address(file, 0))
      .set("width", shown)
      .set("height", engine::shown_height(file, shown))
      .set("alt", engine::full_title(item.latest.title, ed->names));
}

// Why the edit waits, in the reviewer's words: each rule the filter applied and the words it
// found (also marked in the diff), or that nothing was held (the class asks for review).
std::vector<TemplateData> held_reasons(const HtmlContext& ctx,
                                       const std::vector<engine::FilterFinding>& held) {
  std::vector<TemplateData> reasons;
  for (const auto& found : held) {
    reasons.push_back(TemplateData()
                          .set("rule", ctx.msg("review-held-rule-" + found.rule))
                          .set("excerpt", found.excerpt)
                          .set("in_summary", found.field == "summary"));
  }
  return reasons;
}

// Every summary of the stacked saves, oldest first, when there are several: the latest alone
// hides what the pupil said they did before.
void add_summaries(TemplateData& data, const HtmlContext& ctx,
                   const std::vector<std::string>& summaries) {
  if (summaries.size() < 2) return;
  std::vector<TemplateData> items;
  for (const auto& summary : summaries) {
    items.push_back(TemplateData()
                        .set("text", summary.empty() ? ctx.msg("review-summary-empty") : summary)
                        .set("is_empty", summary.empty()));
  }
  data.set("has_summaries", true)
      .set("summaries_heading", ctx.msg("review-summaries-heading",
                                        {{"count", static_cast<std::int64_t>(summaries.size())}}))
      .set("summaries", std::move(items));
}

// The pending version as readers will see it, for a teacher who judges a page and not Markdown.
void add_rendered(TemplateData& data, const HtmlContext& ctx, const engine::ReviewItem& item) {
  const auto ed = ctx.wiki().edition(item.lang);
  if (!ed) return;
  auto view = ctx.wiki().read_revision(ctx.actor, *ed, item.latest.id);
  if (!view) return;
  data.set("has_rendered", true).set("article_html", view->html);
}

TemplateData item_data(const HtmlContext& ctx, const engine::ReviewItem& item,
                       const QueueNotice& notice) {
  TemplateData data = revision_data(ctx, item.latest);
  auto detail = ctx.wiki().review_detail(ctx.actor, item.latest.id);
  if (detail) {
    auto reasons = held_reasons(ctx, detail->held);
    data.set("has_held", !reasons.empty()).set("held_reasons", std::move(reasons));
    add_summaries(data, ctx, detail->summaries);
  }
  add_rendered(data, ctx, item);
  data.set("is_new", !item.approved_revision_id.has_value())
      .set("diff_rows", detail ? diff_rows(detail->diff) : std::vector<TemplateData>{})
      .set("diff_left_heading", ctx.msg(item.approved_revision_id ? "review-diff-published"
                                                                  : "review-diff-new-page"))
      .set("diff_right_heading", ctx.msg("review-diff-pending"))
      .set("action_url", Urls(ctx.ed(), ctx.uselang)
                             .special("review", "", std::to_string(item.latest.id)))
      .set("message", item.latest.id == notice.failed_id ? notice.message : std::string());
  if (auto picture = picture_data(ctx, item)) data.set("picture", std::move(*picture));
  return data;
}

// Links to the queue of each class the caller sees in this edition, and to all of it.
std::vector<TemplateData> class_filters(const HtmlContext& ctx,
                                        std::optional<std::int64_t> class_id) {
  const Urls urls(ctx.ed(), ctx.uselang);
  std::vector<TemplateData> filters;
  for (const auto& cls : ctx.wiki().classes().list(ctx.actor)) {
    if (cls.lang != ctx.ed().lang || cls.archived) continue;
    filters.push_back(TemplateData()
                          .set("url", urls.special("review", "class=" + std::to_string(cls.id)))
                          .set("label", cls.name)
                          .set("current", class_id == cls.id));
  }
  if (filters.empty()) return filters;
  filters.insert(filters.begin(), TemplateData()
                                      .set("url", urls.special("review"))
                                      .set("label", ctx.msg("review-filter-all"))
                                      .set("current", !class_id.has_value()));
  return filters;
}

void send_queue(httplib::Response& res, const HtmlContext& ctx, const Caller& caller,
                std::optional<std::int64_t> class_id, const QueueNotice& notice, int status) {
  auto items = ctx.wiki().review_queue(caller.actor, &ctx.ed(), class_id, kQueueShown);
  if (!items) return send_engine_error(res, ctx, items.error());
  std::vector<TemplateData> shown;
  for (const auto& item : items.value()) shown.push_back(item_data(ctx, item, notice));
  auto filters = class_filters(ctx, class_id);
  TemplateData data;
  data.set("has_items", !shown.empty())
      .set("items", std::move(shown))
      .set("has_filters", !filters.empty())
      .set("filters", std::move(filters))
      .set("bulk_url", Urls(ctx.ed(), ctx.uselang).special("review"))
      .set("has_class", class_id.has_value())
      .set("class_id", class_id.value_or(0))
      .set("has_done", notice.done.has_value())
      .set("done_text", notice.done.value_or(""))
      .set("has_error", notice.error.has_value())
      .set("error_message", notice.error.value_or(""));
  Chrome chrome;
  chrome.heading = ctx.msg("review-queue-heading");
  chrome.noindex = true;
  send_html(res, ctx, chrome, "review", std::move(data), status);
}

// "The edit of Chat is published.", after the 303 (?done=approve&rev=N).
std::optional<std::string> done_text(const httplib::Request& req, const HtmlContext& ctx) {
  const std::string done = req.get_param_value("done");
  if (done == "approve-all" || done == "reject-all") {
    const auto count = parse_positive_id(req.get_param_value("count"));
    if (!count) return std::nullopt;
    return ctx.msg(done == "approve-all" ? "review-bulk-done-approved" : "review-bulk-done-rejected",
                   {{"count", *count}});
  }
  if (done != "approve" && done != "reject") return std::nullopt;
  const auto rev = parse_positive_id(req.get_param_value("rev"));
  // Only a revision the caller may see names its page: ?rev= is typed in the address bar.
  const auto edit = rev ? ctx.wiki().find_edit(ctx.actor, *rev)
                        : engine::Result<engine::AuthorEdit>(engine::make_error(
                              engine::ErrorCode::not_found, "error-revision-not-found"));
  const bool shown = edit && edit->lang == ctx.ed().lang;
  const std::string title = shown ? engine::full_title(edit->info.title, ctx.ed().names) : "";
  return ctx.msg(done == "approve" ? "review-done-approved" : "review-done-rejected",
                 {{"title", title}});
}

}  // namespace

void html_review_queue(const Call& call) {
  const httplib::Request& req = call.req;
  httplib::Response& res = call.res;
  WebContext& web = call.web;
  const engine::Edition& edition = call.ed();
  auto caller = require(req, res, web, engine::Action::review_class);
  if (!caller) return;
  const HtmlContext ctx = make_html_context(req, web, &edition);
  auto class_id = query_integer(req, "class", 1, std::numeric_limits<std::int64_t>::max());
  if (!class_id) return send_engine_error(res, ctx, class_id.error());
  QueueNotice notice;
  notice.done = done_text(req, ctx);
  send_queue(res, ctx, *caller, class_id.value(), notice, 200);
}

void html_review_submit(const Call& call) {
  const httplib::Request& req = call.req;
  httplib::Response& res = call.res;
  WebContext& web = call.web;
  const engine::Edition& edition = call.ed();
  const std::string& raw_id = call.param("id");
  auto caller = require(req, res, web, engine::Action::review_class);
  if (!caller) return;
  const HtmlContext ctx = make_html_context(req, web, &edition);
  const auto id = parse_positive_id(raw_id);
  const std::string action = form_field(req, "action");
  if (!id || (action != "approve" && action != "reject")) {
    return send_html_error(res, ctx, 400, ctx.msg("web-error-heading"),
                           ctx.msg("review-error-bad-request"));
  }
  const auto class_id = parse_decimal(form_field(req, "class"));
  const std::string message = form_field(req, "wpMessage");
  auto done = review_decision(web, caller->actor, *id, action == "approve", message);
  if (done) {
    std::string query = class_id ? "class=" + std::to_string(*class_id) + "&" : "";
    query += "done=" + action + "&rev=" + std::to_string(*id);
    return see_other(res, Urls(edition, ctx.uselang).special("review", query));
  }
  QueueNotice notice{std::nullopt, ctx.msg(done.error().message_id, done.error().args), *id,
                     message};
  send_queue(res, ctx, *caller, class_id, notice, http_status(done.error().code));
}



namespace {

// The revision ids ticked in the several-at-once form, each once, at most kQueueShown.
std::vector<std::int64_t> ticked_revisions(const httplib::Request& req) {
  std::vector<std::int64_t> ids;
  for (const auto& value : form_field_values(req, "wpRevision")) {
    const auto id = parse_positive_id(value);
    if (id && std::find(ids.begin(), ids.end(), *id) == ids.end()) ids.push_back(*id);
    if (static_cast<int>(ids.size()) == kQueueShown) break;
  }
  return ids;
}

}  // namespace

void html_review_bulk_submit(const Call& call) {
  const httplib::Request& req = call.req;
  httplib::Response& res = call.res;
  WebContext& web = call.web;
  const engine::Edition& edition = call.ed();
  auto caller = require(req, res, web, engine::Action::review_class);
  if (!caller) return;
  const HtmlContext ctx = make_html_context(req, web, &edition);
  const std::string action = form_field(req, "action");
  if (action != "approve" && action != "reject") {
    return send_html_error(res, ctx, 400, ctx.msg("web-error-heading"),
                           ctx.msg("review-error-bad-request"));
  }
  const auto class_id = parse_decimal(form_field(req, "class"));
  const std::string message = form_field(req, "wpMessage");
  const auto ids = ticked_revisions(req);
  if (ids.empty()) {
    QueueNotice notice{std::nullopt, ctx.msg("review-bulk-error-none"), 0, message};
    return send_queue(res, ctx, *caller, class_id, notice, 400);
  }
  // Each decision is the engine's, one by one: another reviewer may have decided one already.
  std::int64_t done = 0;
  std::optional<engine::Error> first_refusal;
  for (const std::int64_t id : ids) {
    auto decided = review_decision(web, caller->actor, id, action == "approve", message);
    if (decided) {
      ++done;
    } else if (!first_refusal) {
      first_refusal = decided.error();
    }
  }
  const std::string key = action == "approve" ? "review-bulk-done-approved" : "review-bulk-done-rejected";
  if (!first_refusal) {
    std::string query = class_id ? "class=" + std::to_string(*class_id) + "&" : "";
    query += "done=" + action + "-all&count=" + std::to_string(done);
    return see_other(res, Urls(edition, ctx.uselang).special("review", query));
  }
  QueueNotice notice{done > 0 ? std::optional(ctx.msg(key, {{"count", done}})) : std::nullopt,
                     ctx.msg(first_refusal->message_id, first_refusal->args), 0, message};
  send_queue(res, ctx, *caller, class_id, notice, done > 0 ? 200 : http_status(first_refusal->code));
}

}  // namespace kidwiki::web

// The class dashboard: the class, its lesson window (html_lesson_window.h), its pupils with what the
// teacher may change, each pupil's recent edits and what became of them, and the forms to add
// pupils and to archive the class.
#include <map>

#include "http/access.h"
#include "http/call.h"
#include "actions/class_actions.h"
#include "actions/class_pack_download.h"
#include "http/error_status.h"
#include "html/classes/html_classes.h"
#include "html/classes/html_lesson_window.h"
#include "html/review/html_edit_item.h"
#include "http/form_fields.h"
#include "http/login_attempt.h"
#include "html/page/html_layout.h"
#include "html/page/html_pages.h"
#include "html/page/html_revision_data.h"
#include "html/page/html_urls.h"
#include "http/query_params.h"

namespace kidwiki::web {
namespace {

constexpr int kEditsPerPupil = 5;
constexpr int kEditsFetched = 300;

// Each pupil's newest edits, at most kEditsPerPupil, by pupil id.
std::map<std::int64_t, std::vector<TemplateData>> recent_edits(const HtmlContext& ctx,
                                                               const engine::SchoolClass& c) {
  const auto editions = editions_by_lang(ctx);
  std::map<std::int64_t, std::vector<TemplateData>> out;
  auto edits = ctx.wiki().class_edits(ctx.actor, c.id, kEditsFetched);
  if (!edits) return out;
  for (const auto& edit : edits.value()) {
    const auto ed = editions.find(edit.lang);
    if (!edit.author_id || ed == editions.end()) continue;
    auto& list = out[*edit.author_id];
    if (static_cast<int>(list.size()) < kEditsPerPupil) {
      list.push_back(edit_item(ctx, ed->second, edit, "classes-sent-back-by"));
    }
  }
  return out;
}

TemplateData pupil_item(const HtmlContext& ctx, const engine::User& p,
                        std::vector<TemplateData> edits) {
  // Wrong passwords from browsers the pupil never used (a classmate's guesses, usually).
  const auto lock = ctx.web.logins.account_lock(login_account_key(p.name));
  const std::int64_t minutes = (lock.count() + 59) / 60;
  return TemplateData()
      .set("id", p.id)
      .set("name", p.name)
      .set("locked", lock.count() > 0)
      .set("locked_text", ctx.msg("classes-pupil-locked", {{"minutes", minutes}}))
      .set("action_url", Urls(ctx.ed(), ctx.uselang).special("pupil", "", std::to_string(p.id)))
      .set("contributions_url", Urls(ctx.ed(), ctx.uselang).contributions(p.name))
      .set("trusted", p.trusted)
      .set("disabled", p.disabled)
      .set("has_edits", !edits.empty())
      .set("edits", std::move(edits));
}

void send_dashboard(httplib::Response& res, const HtmlContext& ctx, const engine::SchoolClass& c,
                    const std::string& error_message, int status,
                    const LessonFormRows* lesson_rows = nullptr) {
  auto pupils = ctx.wiki().classes().pupils(ctx.actor, c.id);
  if (!pupils) return send_engine_error(res, ctx, pupils.error());
  auto edits = recent_edits(ctx, c);
  std::vector<TemplateData> items;
  for (const auto& p : pupils.value()) items.push_back(pupil_item(ctx, p, std::move(edits[p.id])));
  const auto ed = ctx.wiki().edition(c.lang);
  TemplateData data;
  data.set("class_name", c.name)
      .set("language", ed ? ed->name : c.lang)
      .set("review_required", c.review_required)
      .set("archived", c.archived)
      .set("form_url", Urls(ctx.ed(), ctx.uselang).special("class", "", std::to_string(c.id)))
      .set("classes_url", Urls(ctx.ed(), ctx.uselang).special("classes"))
      .set("class_contributions_url", Urls(ctx.ed(), ctx.uselang)
                                          .special("class", "", std::to_string(c.id) +
                                                                    "/contributions"))
      .set("csrf_token", ctx.session->csrf_token)
      .set("max_pupils", engine::kMaxPupilsPerRequest)
      .set("pack_limit", ctx.msg("offline-pack-limit",
                                 {{"max", static_cast<std::int64_t>(offline::kMaxPackPages)}}))
      .set("lesson", lesson_window_data(ctx, c, lesson_rows))
      .set("has_pupils", !items.empty())
      .set("pupils", std::move(items))
      .set("has_error", !error_message.empty())
      .set("error_message", error_message);
  Chrome chrome;
  heading_with(chrome, ctx, "classes-dashboard-heading", "name", c.name);
  chrome.noindex = true;
  send_html(res, ctx, chrome, "class", std::move(data), status);
}

// The first names typed one per line, blank lines left out.
std::vector<std::string> names_of(const std::string& text) {
  std::vector<std::string> names;
  std::size_t start = 0;
  while (start <= text.size()) {
    std::size_t end = text.find('\n', start);
    if (end == std::string::npos) end = text.size();
    std::string line = text.substr(start, end - start);
    if (line.find_first_not_of(" \t\r") != std::string::npos) names.push_back(line);
    start = end + 1;
  }
  return names;
}

engine::Result<std::vector<engine::Credentials>> add_pupils(const httplib::Request& req,
                                                            const HtmlContext& ctx,
                                                            std::int64_t class_id) {
  const engine::Actor& actor = ctx.actor;
  const auto names = names_of(form_field(req, "wpNames"));
  if (!names.empty()) return ctx.wiki().classes().add_pupils(actor, class_id, names);
  const auto count = parse_positive_id(form_field(req, "wpCount"));
  if (!count) return engine::make_error(engine::ErrorCode::invalid_input, "classes-error-names-or-count");
  const int n = static_cast<int>(std::min<std::int64_t>(*count, engine::kMaxPupilsPerRequest + 1));
  return ctx.wiki().classes().add_generated_pupils(actor, class_id, n);
}

}  // namespace

void html_class_page(const Call& call) {
  const httplib::Request& req = call.req;
  httplib::Response& res = call.res;
  WebContext& web = call.web;
  const engine::Edition& edition = call.ed();
  const std::string& raw_id = call.param("id");
  auto caller = require(req, res, web, engine::Action::manage_class);
  if (!caller) return;
  const HtmlContext ctx = make_html_context(req, web, &edition);
  auto c = class_from_path(web, *caller, raw_id);
  if (!c) return send_engine_error(res, ctx, c.error());
  send_dashboard(res, ctx, c.value(), "", 200);
}

void html_class_submit(const Call& call) {
  const httplib::Request& req = call.req;
  httplib::Response& res = call.res;
  WebContext& web = call.web;
  const engine::Edition& edition = call.ed();
  const std::string& raw_id = call.param("id");
  auto caller = require(req, res, web, engine::Action::manage_class);
  if (!caller) return;
  const HtmlContext ctx = make_html_context(req, web, &edition);
  auto c = class_from_path(web, *caller, raw_id);
  if (!c) return send_engine_error(res, ctx, c.error());
  const std::string action = form_field(req, "wpAction");
  if (action == "archive" || action == "unarchive") {
    auto done = web.wiki.classes().set_archived(caller->actor, c->id, action == "archive");
    if (!done) return send_engine_error(res, ctx, done.error());
    return see_other(res, Urls(edition, ctx.uselang).special("class", "", std::to_string(c->id)));
  }
  if (is_lesson_action(action)) {
    LessonFormRows posted;
    auto done = apply_lesson_action(req, ctx, c->id, action, posted);
    if (!done) {
      return send_dashboard(res, ctx, c.value(), ctx.msg(done.error().message_id, done.error().args),
                            http_status(done.error().code),
                            action == "lesson-window" ? &posted : nullptr);
    }
    return see_other(res, Urls(edition, ctx.uselang).special("class", "", std::to_string(c->id)) +
                              "#lesson-heading");
  }
  if (action == "pack") {
    const offline::PackRequest pack{form_field(req, "wpCategory"), form_field(req, "wpTitles")};
    const auto format = pack_format_named(form_field(req, "wpFormat")).value_or(PackFormat::zim);
    auto done = answer_class_pack(res, web.wiki, caller->actor, c->id, pack, format);
    if (done) return;
    set_retry_after(res, done.error());
    return send_dashboard(res, ctx, c.value(), ctx.msg(done.error().message_id, done.error().args),
                          http_status(done.error().code));
  }
  if (action != "pupils") {
    return send_engine_error(
        res, ctx, engine::make_error(engine::ErrorCode::invalid_input, "classes-error-action"));
  }
  auto made = add_pupils(req, ctx, c->id);
  if (!made) {
    const auto error = name_refusal(made.error(), ctx.ui_lang);
    return send_dashboard(res, ctx, c.value(), ctx.msg(error.message_id, error.args),
                          http_status(error.code));
  }
  send_login_cards(req, res, ctx, c.value(), made.value());
}

}  // namespace kidwiki::web

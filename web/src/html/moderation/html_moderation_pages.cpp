// Protecting, deleting and restoring pages from the HTML interface.
#include "http/access.h"
#include "http/call.h"
#include "http/form_fields.h"
#include "html/moderation/html_moderation.h"
#include "html/page/html_pages.h"
#include "html/page/html_urls.h"

namespace kidwiki::web {
namespace {

constexpr engine::Protection kLevels[] = {engine::Protection::none, engine::Protection::trusted,
                                          engine::Protection::moderators};

struct PageForm {
  std::string reason;
  std::optional<engine::Error> error;
};

void send_page_form(httplib::Response& res, const HtmlContext& ctx, const engine::Title& title,
                    std::string_view name, TemplateData data, const PageForm& form) {
  const std::string full = engine::full_title(title, ctx.ed().names);
  const Urls urls(ctx.ed(), ctx.uselang);
  data.set("form_url", urls.special(name, "", engine::title_to_url(title, ctx.ed().names)))
      .set("page_url", urls.page(title))
      .set("page_title", full)
      .set("reason", form.reason)
      .set("max_reason", static_cast<std::int64_t>(engine::Moderation::kMaxReasonBytes));
  int status = form.error ? add_error(data, ctx, *form.error) : 200;
  Chrome chrome;
  heading_with(chrome, ctx, "moderation-" + std::string(name) + "-heading", "title", full);
  chrome.page = title;
  send_moderation_page(res, ctx, chrome, name, std::move(data), status);
}

TemplateData protect_data(const HtmlContext& ctx, engine::Protection current) {
  std::vector<TemplateData> levels;
  for (auto level : kLevels) {
    const std::string name(engine::protection_name(level));
    levels.push_back(TemplateData()
                         .set("value", name)
                         .set("label", ctx.msg("moderation-protection-" + name))
                         .set("selected", level == current));
  }
  return TemplateData().set("levels", std::move(levels));
}

// The title of a page form's route, parsed; answers the error page and gives empty otherwise.
std::optional<engine::Title> form_title(httplib::Response& res, const HtmlContext& ctx,
                                        const std::string& raw_title) {
  auto title = ctx.wiki().parse_title(ctx.ed(), raw_title);
  if (!title) {
    send_engine_error(res, ctx, title.error());
    return std::nullopt;
  }
  return title.value();
}

}  // namespace

void html_protect_form(const Call& call) {
  const httplib::Request& req = call.req;
  httplib::Response& res = call.res;
  WebContext& web = call.web;
  const engine::Edition& ed = call.ed();
  const std::string& raw_title = call.param("title");
  if (!require(req, res, web, engine::Action::protect_page)) return;
  const HtmlContext ctx = make_html_context(req, web, &ed);
  auto title = form_title(res, ctx, raw_title);
  if (!title) return;
  if (!web.wiki.exists(ed, *title)) return show_missing(res, ctx, *title);
  TemplateData data = protect_data(ctx, web.wiki.moderation().protection(ed, *title));
  add_done_notice(data, ctx, req, "moderation-protect-done");
  send_page_form(res, ctx, *title, "protect", std::move(data), {});
}

void html_protect_submit(const Call& call) {
  const httplib::Request& req = call.req;
  httplib::Response& res = call.res;
  WebContext& web = call.web;
  const engine::Edition& ed = call.ed();
  const std::string& raw_title = call.param("title");
  auto caller = require(req, res, web, engine::Action::protect_page);
  if (!caller) return;
  const HtmlContext ctx = make_html_context(req, web, &ed);
  auto title = form_title(res, ctx, raw_title);
  if (!title) return;
  PageForm form{form_field(req, "wpReason"), std::nullopt};
  auto level = engine::protection_from_name(form_field(req, "wpLevel"));
  auto done =
      level ? web.wiki.moderation().protect(caller->actor, ed, *title, *level, form.reason)
            : engine::Status(engine::make_error(engine::ErrorCode::invalid_input,
                                                "moderation-error-protection-level"));
  if (done) {
    return see_other(
        res,
        Urls(ed, ctx.uselang).special("protect", "done=1", engine::title_to_url(*title, ed.names)));
  }
  form.error = done.error();
  auto shown = level.value_or(web.wiki.moderation().protection(ed, *title));
  send_page_form(res, ctx, *title, "protect", protect_data(ctx, shown), form);
}

void html_delete_form(const Call& call) {
  const httplib::Request& req = call.req;
  httplib::Response& res = call.res;
  WebContext& web = call.web;
  const engine::Edition& ed = call.ed();
  const std::string& raw_title = call.param("title");
  if (!require(req, res, web, engine::Action::delete_page)) return;
  const HtmlContext ctx = make_html_context(req, web, &ed);
  auto title = form_title(res, ctx, raw_title);
  if (!title) return;
  if (!web.wiki.exists(ed, *title)) return show_missing(res, ctx, *title);
  send_page_form(res, ctx, *title, "delete", TemplateData(), {});
}

void html_delete_submit(const Call& call) {
  const httplib::Request& req = call.req;
  httplib::Response& res = call.res;
  WebContext& web = call.web;
  const engine::Edition& ed = call.ed();
  const std::string& raw_title = call.param("title");
  auto caller = require(req, res, web, engine::Action::delete_page);
  if (!caller) return;
  const HtmlContext ctx = make_html_context(req, web, &ed);
  auto title = form_title(res, ctx, raw_title);
  if (!title) return;
  PageForm form{form_field(req, "wpReason"), std::nullopt};
  auto done = web.wiki.moderation().delete_page(caller->actor, ed, *title, form.reason);
  if (done) return see_other(res, Urls(ed, ctx.uselang).special("restore", "done=1"));
  form.error = done.error();
  send_page_form(res, ctx, *title, "delete", TemplateData(), form);
}

void html_restore_page(const Call& call) {
  const httplib::Request& req = call.req;
  httplib::Response& res = call.res;
  WebContext& web = call.web;
  const engine::Edition& ed = call.ed();
  if (!require(req, res, web, engine::Action::delete_page)) return;
  const HtmlContext ctx = make_html_context(req, web, &ed);
  auto deleted = web.wiki.moderation().deleted_pages(ctx.actor, ed);
  if (!deleted) return send_engine_error(res, ctx, deleted.error());
  std::vector<TemplateData> pages;
  for (const auto& title : deleted.value()) {
    pages.push_back(TemplateData().set("title", engine::full_title(title, ed.names)));
  }
  TemplateData data;
  data.set("has_pages", !pages.empty())
      .set("pages", std::move(pages))
      .set("form_url", Urls(ed, ctx.uselang).special("restore"));
  add_done_notice(data, ctx, req, "moderation-restore-done");
  Chrome chrome;
  chrome.heading = ctx.msg("moderation-restore-list-heading");
  send_moderation_page(res, ctx, chrome, "restore", std::move(data));
}

void html_restore_submit(const Call& call) {
  const httplib::Request& req = call.req;
  httplib::Response& res = call.res;
  WebContext& web = call.web;
  const engine::Edition& ed = call.ed();
  auto caller = require(req, res, web, engine::Action::delete_page);
  if (!caller) return;
  const HtmlContext ctx = make_html_context(req, web, &ed);
  auto title = web.wiki.parse_title(ed, form_field(req, "wpTitle"));
  if (!title) return send_engine_error(res, ctx, title.error());
  auto done = web.wiki.moderation().restore_page(caller->actor, ed, title.value(),
                                                 form_field(req, "wpReason"));
  if (!done) return send_engine_error(res, ctx, done.error());
  see_other(res, Urls(ed, ctx.uselang).page(title.value()));
}

}  // namespace kidwiki::web

// "My classes": the caller's classes, newest archived last, and the form to create one.
#include "http/access.h"
#include "http/call.h"
#include "http/error_status.h"
#include "html/classes/html_classes.h"
#include "http/form_fields.h"
#include "html/page/html_layout.h"
#include "html/page/html_pages.h"
#include "html/page/html_urls.h"
#include "html/review/html_review.h"

namespace kidwiki::web {
namespace {

struct ClassForm {
  std::string name;
  std::string lang;
  bool review_required = true;
  std::optional<std::string> error_message;
};

TemplateData class_item(const HtmlContext& ctx, const engine::SchoolClass& c) {
  const auto ed = ctx.wiki().edition(c.lang);
  const auto pupils = ctx.wiki().classes().pupils(ctx.actor, c.id);
  const auto count = static_cast<std::int64_t>(pupils ? pupils->size() : 0);
  TemplateData item;
  item.set("name", c.name)
      .set("url", Urls(ctx.ed(), ctx.uselang).special("class", "", std::to_string(c.id)))
      .set("language", ed ? ed->name : c.lang)
      .set("pupils", ctx.msg("classes-pupil-count", {{"count", count}}))
      .set("archived", c.archived);
  set_waiting(item, ctx, waiting_count(ctx, c.id));
  const Urls urls(ctx.ed(), ctx.uselang);
  item.set("review_url", urls.special("review", "class=" + std::to_string(c.id)));
  return item;
}

std::vector<TemplateData> edition_choices(const HtmlContext& ctx, const std::string& chosen) {
  std::vector<TemplateData> items;
  for (const auto& ed : ctx.wiki().editions()) {
    const bool selected = chosen.empty() ? ed.id == ctx.ed().id : ed.lang == chosen;
    items.push_back(
        TemplateData().set("lang", ed.lang).set("name", ed.name).set("selected", selected));
  }
  return items;
}

void send_classes_page(httplib::Response& res, const HtmlContext& ctx, const Caller& caller,
                       const ClassForm& form, int status) {
  std::vector<TemplateData> items;
  for (const auto& c : ctx.wiki().classes().list(caller.actor)) {
    items.push_back(class_item(ctx, c));
  }
  TemplateData data;
  data.set("has_classes", !items.empty())
      .set("classes", std::move(items))
      .set("form_url", Urls(ctx.ed(), ctx.uselang).special("classes"))
      .set("csrf_token", ctx.session->csrf_token)
      .set("name", form.name)
      .set("editions", edition_choices(ctx, form.lang))
      .set("review_required", form.review_required)
      .set("has_error", form.error_message.has_value())
      .set("error_message", form.error_message.value_or(""));
  Chrome chrome;
  chrome.heading = ctx.msg("classes-heading");
  chrome.noindex = true;
  send_html(res, ctx, chrome, "classes", std::move(data), status);
}

}  // namespace

void html_classes_page(const Call& call) {
  const httplib::Request& req = call.req;
  httplib::Response& res = call.res;
  WebContext& web = call.web;
  const engine::Edition& edition = call.ed();
  auto caller = require(req, res, web, engine::Action::manage_class);
  if (!caller) return;
  const HtmlContext ctx = make_html_context(req, web, &edition);
  send_classes_page(res, ctx, *caller, ClassForm{}, 200);
}

void html_classes_submit(const Call& call) {
  const httplib::Request& req = call.req;
  httplib::Response& res = call.res;
  WebContext& web = call.web;
  const engine::Edition& edition = call.ed();
  auto caller = require(req, res, web, engine::Action::manage_class);
  if (!caller) return;
  const HtmlContext ctx = make_html_context(req, web, &edition);
  ClassForm form{form_field(req, "wpName"), form_field(req, "wpLang"),
                 has_form_field(req, "wpReview"), std::nullopt};
  auto made = web.wiki.classes().create_class(caller->actor, form.name, form.lang,
                                              form.review_required);
  if (!made) {
    form.error_message = ctx.msg(made.error().message_id, made.error().args);
    return send_classes_page(res, ctx, *caller, form, http_status(made.error().code));
  }
  see_other(res, Urls(edition, ctx.uselang).special("class", "", std::to_string(made->id)));
}

}  // namespace kidwiki::web

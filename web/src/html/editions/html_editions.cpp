#include "html/editions/html_editions.h"

#include "http/access.h"
#include "http/error_status.h"
#include "http/form_fields.h"
#include "html/page/html_layout.h"
#include "html/page/html_pages.h"
#include "html/page/html_urls.h"

namespace kidwiki::web {
namespace {

struct EditionForm {
  engine::NewEdition typed;
  std::string error_message;
};

std::vector<TemplateData> edition_rows(const HtmlContext& ctx) {
  std::vector<TemplateData> rows;
  for (const auto& ed : ctx.wiki().editions()) {
    rows.push_back(TemplateData()
                       .set("lang", ed.lang)
                       .set("name", ed.name)
                       .set("dir", ed.dir)
                       .set("direction", ctx.msg(ed.dir == "rtl" ? "edition-page-rtl" : "edition-page-ltr"))
                       .set("main_page", ed.main_page)
                       .set("main_page_url", Urls(ed, ctx.uselang).main_page()));
  }
  return rows;
}

void send_editions_page(httplib::Response& res, const HtmlContext& ctx, const EditionForm& form,
                        int status) {
  TemplateData data;
  data.set("form_url", Urls(ctx.ed(), ctx.uselang).special("editions"))
      .set("csrf_token", ctx.session->csrf_token)
      .set("editions", edition_rows(ctx))
      .set("typed_lang", form.typed.lang)
      .set("typed_name", form.typed.name)
      .set("typed_main_page", form.typed.main_page)
      .set("has_error", !form.error_message.empty())
      .set("error_message", form.error_message);
  Chrome chrome;
  chrome.heading = ctx.msg("edition-page-heading");
  chrome.noindex = true;
  send_html(res, ctx, chrome, "editions", std::move(data), status);
}

}  // namespace

void html_editions_page(const Call& call) {
  if (!require(call.req, call.res, call.web, engine::Action::configure_edition)) return;
  const HtmlContext ctx = make_html_context(call.req, call.web, call.edition);
  send_editions_page(call.res, ctx, EditionForm{}, 200);
}

void html_editions_submit(const Call& call) {
  auto caller = require(call.req, call.res, call.web, engine::Action::configure_edition);
  if (!caller) return;
  EditionForm form;
  form.typed.lang = form_field(call.req, "wpLang");
  form.typed.name = form_field(call.req, "wpName");
  form.typed.main_page = form_field(call.req, "wpMainPage");
  auto created = call.web.wiki.create_edition(caller->actor, form.typed);
  const HtmlContext ctx = make_html_context(call.req, call.web, call.edition);
  if (!created) {
    form.error_message = ctx.msg(created.error().message_id, created.error().args);
    return send_editions_page(call.res, ctx, form, http_status(created.error().code));
  }
  see_other(call.res, Urls(created.value(), ctx.uselang).main_page());
}

}  // namespace kidwiki::web

// ?action=move shows the form; its POST renames the page with its history and answers 303 to the
// new title. A refusal shows the form again with the message and what was typed.
#include "actions/edit_access.h"
#include "http/call.h"
#include "http/error_status.h"
#include "html/edit/html_edit_gate.h"
#include "http/form_fields.h"
#include "html/page/html_layout.h"
#include "html/page/html_pages.h"
#include "html/page/html_urls.h"

namespace kidwiki::web {
namespace {

struct MoveForm {
  std::string new_title;
  bool leave_redirect = true;
  std::string reason;
  std::optional<std::string> error_message;
};

void send_move_form(httplib::Response& res, const HtmlContext& ctx, const engine::Title& title,
                    const MoveForm& form, int status) {
  const std::string full = engine::full_title(title, ctx.ed().names);
  TemplateData data;
  data.set("form_url", Urls(ctx.ed(), ctx.uselang).page(title))
      .set("new_title", form.new_title)
      .set("leave_redirect", form.leave_redirect)
      .set("reason", form.reason)
      .set("move_intro", ctx.msg("web-move-intro", {{"title", full}}))
      .set("has_error", form.error_message.has_value())
      .set("error_message", form.error_message.value_or(""));
  Chrome chrome;
  heading_with(chrome, ctx, "web-move-heading", "title", full);
  chrome.page = title;
  chrome.tab = Tab::move;
  chrome.noindex = true;
  send_html(res, ctx, chrome, "move", std::move(data), status);
}

}  // namespace

void show_move(const Call& call) {
  auto page = wiki_page(call);
  if (!page) return;
  const httplib::Request& req = call.req;
  httplib::Response& res = call.res;
  const HtmlContext& ctx = page->ctx;
  const engine::Title& title = page->title;
  if (!form_allowed(req, res, ctx, title, /*move=*/true)) return;
  if (!ctx.wiki().exists(ctx.ed(), title)) return show_missing(res, ctx, title);
  MoveForm form;
  form.new_title = engine::full_title(title, ctx.ed().names);
  send_move_form(res, ctx, title, form, 200);
}

void submit_move(const Call& call) {
  auto page = wiki_page(call);
  if (!page) return;
  const httplib::Request& req = call.req;
  httplib::Response& res = call.res;
  const HtmlContext& ctx = page->ctx;
  const engine::Title& title = page->title;
  MoveForm form;
  form.new_title = form_field(req, "wpNewTitle");
  form.leave_redirect = has_form_field(req, "wpLeaveRedirect");
  form.reason = form_field(req, "wpReason");
  auto allowed = authorize_edit(req, ctx.web, Caller{ctx.session}, ctx.ed(), title, /*move=*/true);
  const engine::MoveRequest request{form.new_title, form.leave_redirect, form.reason};
  auto moved = allowed ? ctx.wiki().move(ctx.actor, ctx.ed(), title, request)
                       : engine::Result<engine::Title>(allowed.error());
  if (moved.ok()) return see_other(res, Urls(ctx.ed(), ctx.uselang).page(moved.value()));
  form.error_message = ctx.msg(moved.error().message_id, moved.error().args);
  send_move_form(res, ctx, title, form, http_status(moved.error().code));
}

}  // namespace kidwiki::web

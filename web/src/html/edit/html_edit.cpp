// ?action=edit: the edit form, filled with the page's current text.
#include "html/page/html_diff_table.h"
#include "http/call.h"
#include "html/edit/html_edit_form.h"
#include "html/edit/html_edit_gate.h"
#include "html/page/html_layout.h"
#include "html/page/html_pages.h"
#include "html/review/html_review.h"
#include "html/page/html_urls.h"

namespace kidwiki::web {
namespace {

TemplateData conflict_data(const HtmlContext& ctx, const EditConflict& conflict) {
  return TemplateData()
      .set("current_text", conflict.current_text)
      .set("diff_rows", diff_rows(conflict.diff))
      .set("diff_left_heading", ctx.msg("web-conflict-current-heading"))
      .set("diff_right_heading", ctx.msg("web-conflict-yours-heading"));
}

}  // namespace

void send_edit_form(httplib::Response& res, const HtmlContext& ctx, const engine::Title& title,
                    const EditState& state, int status) {
  const std::string full = engine::full_title(title, ctx.ed().names);
  TemplateData data;
  data.set("form_url", Urls(ctx.ed(), ctx.uselang).page(title))
      .set("text", state.text)
      .set("summary", state.summary)
      .set("base_revision",
           state.base_revision ? std::to_string(*state.base_revision) : std::string())
      .set("has_preview", state.preview_html.has_value())
      .set("preview_html", state.preview_html.value_or(""))
      .set("has_error", state.error_message.has_value())
      .set("error_message", state.error_message.value_or(""))
      .set("has_conflict", state.conflict.has_value());
  if (state.conflict) data.set("conflict", conflict_data(ctx, *state.conflict));
  Chrome chrome;
  chrome.heading = ctx.msg(state.creating ? "web-edit-heading-create" : "web-edit-heading",
                           {{"title", full}});
  chrome.page = title;
  chrome.tab = Tab::edit;
  chrome.noindex = true;
  send_html(res, ctx, chrome, "edit", std::move(data), status);
}

void show_edit(const Call& call) {
  auto page = wiki_page(call);
  if (!page) return;
  const httplib::Request& req = call.req;
  httplib::Response& res = call.res;
  const HtmlContext& ctx = page->ctx;
  const engine::Title& title = page->title;
  if (!form_allowed(req, res, ctx, title)) return;
  // The author goes on from their own unpublished version when they have one: edits stack on it.
  auto view = ctx.wiki().read_own(ctx.actor, ctx.ed(), title);
  EditState state;
  if (view.ok()) {
    state.text = view->markdown;
    state.base_revision = view->revision.id;
  } else if (view.error().code == engine::ErrorCode::not_found) {
    state.creating = true;
  } else {
    return send_engine_error(res, ctx, view.error());
  }
  send_edit_form(res, ctx, title, state, 200);
}

}  // namespace kidwiki::web

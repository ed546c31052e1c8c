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

// The characters the toolbar offers: a message, so that each language's translators choose the
// letters and signs its pupils cannot find on their keyboard.
std::vector<TemplateData> toolbar_characters(const HtmlContext& ctx) {
  std::vector<TemplateData> out;
  const std::string list = ctx.msg("web-toolbar-characters-list");
  std::size_t start = 0;
  while (start < list.size()) {
    std::size_t end = list.find(' ', start);
    if (end == std::string::npos) end = list.size();
    if (end > start) out.push_back(TemplateData().set("char", list.substr(start, end - start)));
    start = end + 1;
  }
  return out;
}

// "user-42": a key editor.js may keep a draft under (only ever a key in the browser's storage).
bool is_account_owner(const std::string& owner) {
  if (owner.size() < 6 || owner.size() > 25 || !owner.starts_with("user-")) return false;
  return owner.find_first_not_of("0123456789", 5) == std::string::npos;
}

// The refused words, named beside the message and marked for editor.js to select.
void add_refused(TemplateData& data, const HtmlContext& ctx, const RefusedPart& part) {
  data.set("has_refused", true)
      .set("refused_where", ctx.msg("web-edit-refused-where", {{"excerpt", part.excerpt}}))
      .set("refused_field", part.field)
      .set("refused_start", std::to_string(part.start))
      .set("refused_length", std::to_string(part.length))
      .set("refused_excerpt", part.excerpt);
}

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
  // editor.js keeps a draft per account (or reader), edition and page: on a classroom's shared
  // computer, one pupil's unsaved text is never offered to the next.
  // A form whose session ended keeps the key it was written under, so that the draft of a pupil
  // who logs in again beside the text is found and forgotten as theirs, not left as a reader's.
  std::string owner =
      ctx.session ? "user-" + std::to_string(ctx.session->user().id) : std::string("reader");
  if (!ctx.session && is_account_owner(state.draft_owner)) owner = state.draft_owner;
  data.set("form_url", Urls(ctx.ed(), ctx.uselang).page(title))
      .set("draft_key", ctx.ed().lang + ":" + full)
      .set("draft_owner", owner)
      .set("category_ns", ctx.ed().names.category)
      .set("file_ns", ctx.ed().names.file)
      .set("files_url", "/api/v1/" + ctx.ed().lang + "/files/")
      .set("upload_url", Urls(ctx.ed(), ctx.uselang).special("upload"))
      .set("toolbar_characters", toolbar_characters(ctx))
      .set("text", state.text)
      .set("summary", state.summary)
      .set("base_revision",
           state.base_revision ? std::to_string(*state.base_revision) : std::string())
      .set("has_preview", state.preview_html.has_value())
      .set("preview_html", state.preview_html.value_or(""))
      .set("has_closed_notice", state.closed_notice.has_value() && !state.error_message)
      .set("closed_notice", state.closed_notice.value_or(""))
      .set("has_error", state.error_message.has_value())
      .set("error_message", state.error_message.value_or(""))
      .set("has_conflict", state.conflict.has_value())
      .set("unsaved", state.posted)
      .set("ask_login", state.ask_login)
      .set("login_name", state.login_name)
      .set("login_name_empty", state.login_name.empty());
  if (state.refused) add_refused(data, ctx, *state.refused);
  if (state.conflict) data.set("conflict", conflict_data(ctx, *state.conflict));
  Chrome chrome;
  heading_with(chrome, ctx, state.creating ? "web-edit-heading-create" : "web-edit-heading", "title",
               full);
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
  std::optional<std::string> closed_notice;
  if (!edit_form_allowed(req, res, ctx, title, closed_notice)) return;
  // The author goes on from their own unpublished version when they have one: edits stack on it.
  auto view = ctx.wiki().read_own(ctx.actor, ctx.ed(), title);
  EditState state;
  state.closed_notice = std::move(closed_notice);
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

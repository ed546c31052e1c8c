// POST action=submit: save (303 to the page) or preview. Whatever goes wrong, the form comes back
// with the user's text in it: a refusal says where, an ended session asks for the name and
// password beside the text (and the next POST logs in and saves), a stale form token gives a
// fresh one and asks to press Save again.
#include "actions/edit_access.h"
#include "actions/preview_limit.h"
#include "http/call.h"
#include "http/error_status.h"
#include "html/edit/html_edit_form.h"
#include "http/form_fields.h"
#include "html/page/html_pages.h"
#include "html/page/html_urls.h"
#include "http/login_attempt.h"
#include "http/query_params.h"
#include "http/same_origin.h"
#include "http/session_cookie.h"

namespace kidwiki::web {
namespace {

EditState posted_state(const httplib::Request& req) {
  EditState state;
  state.text = form_field(req, "wpTextbox");
  state.summary = form_field(req, "wpSummary");
  state.base_revision = parse_positive_id(form_field(req, "wpBaseRevId"));
  state.creating = !state.base_revision.has_value();
  state.posted = true;
  state.draft_owner = form_field(req, "wpDraftOwner");
  return state;
}

void show_error(httplib::Response& res, const HtmlContext& ctx, const engine::Title& title,
                EditState state, const engine::Error& error) {
  // Outside the lesson window the writer did nothing wrong: the same kind notice as the form's
  // (html_edit_gate.h), with the text kept, rather than an error.
  if (error.code == engine::ErrorCode::closed) {
    state.closed_notice = ctx.msg(error.message_id, error.args);
  } else {
    state.error_message = ctx.msg(error.message_id, error.args);
  }
  state.refused = refused_part(error);
  state.ask_login = error.code == engine::ErrorCode::not_logged_in;
  set_retry_after(res, error);
  send_edit_form(res, ctx, title, state, http_status(error.code));
}

// The revision the page is at now: the conflict's own argument when it carries one.
std::optional<std::int64_t> current_revision(const HtmlContext& ctx, const engine::Title& title,
                                             const engine::Error& error) {
  for (const auto& [name, value] : error.args) {
    if (name == "current_revision_id" && std::holds_alternative<std::int64_t>(value)) {
      return std::get<std::int64_t>(value);
    }
  }
  auto view = ctx.wiki().read_own(ctx.actor, ctx.ed(), title);
  if (!view.ok()) return std::nullopt;
  return view->revision.id;
}

// The conflict screen: the user's text stays editable, the current text sits beside it, and the
// base moves to the current revision so that saving again works.
void show_conflict(httplib::Response& res, const HtmlContext& ctx, const engine::Title& title,
                   EditState state, const engine::Error& error) {
  const auto current_id = current_revision(ctx, title, error);
  auto current = current_id ? ctx.wiki().revision(ctx.actor, ctx.ed(), *current_id)
                            : engine::Result<engine::Revision>(error);
  if (!current.ok()) return show_error(res, ctx, title, std::move(state), error);
  state.conflict = EditConflict{current->markdown, engine::diff_texts(current->markdown, state.text)};
  state.base_revision = current->info.id;
  state.creating = false;
  send_edit_form(res, ctx, title, state, http_status(error.code));
}

void preview(const httplib::Request& req, httplib::Response& res, const HtmlContext& ctx,
             const engine::Title& title, EditState state) {
  if (auto allowed = allow_preview(req, ctx.web, Caller{ctx.session}); !allowed) {
    return show_error(res, ctx, title, std::move(state), allowed.error());
  }
  auto rendered = ctx.wiki().preview(ctx.actor, ctx.ed(), state.text);
  if (!rendered.ok()) return show_error(res, ctx, title, std::move(state), rendered.error());
  state.preview_html = ctx.wiki().assemble(ctx.ed(), rendered->html);
  send_edit_form(res, ctx, title, state, 200);
}

// The name and password typed beside the text, when the session had ended: logs in (throttled,
// same-origin only, as the login form) and makes `ctx` the new session's. False when it answered
// (the form again, with the login's refusal and the text).
bool log_in_from_form(const httplib::Request& req, httplib::Response& res, HtmlContext& ctx,
                      const engine::Title& title, EditState& state) {
  if (ctx.session || !has_form_field(req, "wpLoginName")) return true;
  state.login_name = form_field(req, "wpLoginName");
  const LoginOutcome outcome =
      attempt_login(req, ctx.web, state.login_name, form_field(req, "wpLoginPassword"));
  if (!outcome.session) {
    set_device_cookie(res, outcome);
    if (outcome.status == 429) res.set_header("Retry-After", std::to_string(outcome.retry_after));
    state.error_message = ctx.msg(outcome.message_id, outcome.args);
    state.ask_login = true;
    send_edit_form(res, ctx, title, state, outcome.status);
    return false;
  }
  set_session_cookie(req, res, outcome);
  ctx.session = ctx.wiki().accounts().session(outcome.session->token);
  if (ctx.session) ctx.actor = ctx.session->actor;
  return true;
}

// Whether the POST comes from one of the site's own pages. The edit form's answers put the posted
// text back in front of the person and may log them in and save it: another site's form, which
// arrives without the session cookie (SameSite=Lax), must not put its words in a child's editor.
bool from_own_page(const httplib::Request& req) {
  return is_same_origin(req.get_header_value("Origin"), req.get_header_value("Referer"),
                        req.get_header_value("Host"));
}

}  // namespace

void submit_edit_stale_token(const Call& call) {
  const httplib::Request& req = call.req;
  if (!from_own_page(req)) return send_csrf_refusal(req, call.res, call.web);
  auto page = wiki_page(call);
  if (!page) return;
  EditState state = posted_state(req);
  // Named, because the session may be another account's now (a classmate logged in elsewhere).
  const std::string name = page->ctx.session ? page->ctx.session->user().name : std::string();
  state.error_message = page->ctx.msg("web-edit-stale-token", {{"name", name}});
  send_edit_form(call.res, page->ctx, page->title, state, 403);
}

void submit_edit(const Call& call) {
  if (!from_own_page(call.req)) return send_csrf_refusal(call.req, call.res, call.web);
  auto page = wiki_page(call);
  if (!page) return;
  const httplib::Request& req = call.req;
  httplib::Response& res = call.res;
  HtmlContext& ctx = page->ctx;
  const engine::Title& title = page->title;
  EditState state = posted_state(req);
  if (!log_in_from_form(req, res, ctx, title, state)) return;
  if (!form_field(req, "wpBaseRevId").empty() && !state.base_revision) {
    return show_error(res, ctx, title, std::move(state),
                      engine::make_error(engine::ErrorCode::invalid_input, "web-error-bad-base"));
  }
  if (has_form_field(req, "wpPreview")) return preview(req, res, ctx, title, std::move(state));
  auto allowed = authorize_edit(req, ctx.web, Caller{ctx.session}, ctx.ed(), title);
  if (!allowed) {
    set_retry_after(res, allowed.error());
    return show_error(res, ctx, title, std::move(state), allowed.error());
  }
  const engine::SaveRequest request{state.text, state.summary, state.base_revision};
  auto saved = ctx.wiki().save(ctx.actor, ctx.ed(), title, request);
  if (saved.ok()) return see_other(res, Urls(ctx.ed(), ctx.uselang).page(title));
  const auto code = saved.error().code;
  if (code == engine::ErrorCode::conflict || code == engine::ErrorCode::exists) {
    return show_conflict(res, ctx, title, std::move(state), saved.error());
  }
  show_error(res, ctx, title, std::move(state), saved.error());
}

}  // namespace kidwiki::web

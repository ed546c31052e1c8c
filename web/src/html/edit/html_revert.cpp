// ?action=revert&oldid=N asks for confirmation; its POST restores revision N as a new revision.
#include "actions/edit_access.h"
#include "http/call.h"
#include "http/error_status.h"
#include "html/edit/html_edit_gate.h"
#include "http/form_fields.h"
#include "html/page/html_layout.h"
#include "html/page/html_pages.h"
#include "html/page/html_revision_data.h"
#include "html/page/html_urls.h"
#include "http/query_params.h"

namespace kidwiki::web {
namespace {

void send_revert_form(httplib::Response& res, const HtmlContext& ctx, const engine::Title& title,
                      const engine::RevisionInfo& info, const std::string& summary,
                      const std::optional<std::string>& error, int status) {
  TemplateData data;
  data.set("form_url", Urls(ctx.ed(), ctx.uselang).page(title))
      .set("revision", revision_data(ctx, info))
      .set("oldid", info.id)
      .set("question", ctx.msg("web-revert-question", {{"author", info.author},
                                                       {"time", info.timestamp}}))
      .set("summary", summary)
      .set("has_error", error.has_value())
      .set("error_message", error.value_or(""));
  Chrome chrome;
  heading_with(chrome, ctx, "web-revert-heading", "title", engine::full_title(title, ctx.ed().names));
  chrome.page = title;
  chrome.tab = Tab::history;
  chrome.noindex = true;
  send_html(res, ctx, chrome, "revert", std::move(data), status);
}

// The summary is stored with the page, so it is written in the edition's language.
std::string default_summary(const HtmlContext& ctx, const engine::RevisionInfo& info) {
  return i18n::Messages::builtin().format(ctx.ed().lang, "web-revert-summary",
                                          {{"id", info.id}, {"author", info.author},
                                           {"time", info.timestamp}});
}

// Revision `oldid` of `title`; answers an error page and returns empty otherwise.
std::optional<engine::RevisionInfo> revision_to_restore(const std::string& oldid,
                                                        httplib::Response& res,
                                                        const HtmlContext& ctx,
                                                        const engine::Title& title) {
  const auto id = parse_positive_id(oldid);
  if (!id) {
    send_html_error(res, ctx, 400, ctx.msg("web-error-heading"), ctx.msg("web-error-bad-revision"));
    return std::nullopt;
  }
  auto revision = ctx.wiki().revision(ctx.actor, ctx.ed(), *id);
  if (!revision.ok()) {
    send_engine_error(res, ctx, revision.error());
    return std::nullopt;
  }
  if (revision->info.title != title) {
    send_html_error(res, ctx, 400, ctx.msg("web-error-heading"),
                    ctx.msg("web-error-revision-other-page"));
    return std::nullopt;
  }
  return revision->info;
}

}  // namespace

void show_revert(const Call& call) {
  auto page = wiki_page(call);
  if (!page) return;
  const httplib::Request& req = call.req;
  httplib::Response& res = call.res;
  const HtmlContext& ctx = page->ctx;
  const engine::Title& title = page->title;
  if (!form_allowed(req, res, ctx, title)) return;
  const auto info = revision_to_restore(req.get_param_value("oldid"), res, ctx, title);
  if (info) send_revert_form(res, ctx, title, *info, default_summary(ctx, *info), std::nullopt, 200);
}

void submit_revert(const Call& call) {
  auto page = wiki_page(call);
  if (!page) return;
  const httplib::Request& req = call.req;
  httplib::Response& res = call.res;
  const HtmlContext& ctx = page->ctx;
  const engine::Title& title = page->title;
  const auto info = revision_to_restore(form_field(req, "oldid"), res, ctx, title);
  if (!info) return;
  const std::string summary = form_field(req, "wpSummary");
  auto allowed = authorize_edit(req, ctx.web, Caller{ctx.session}, ctx.ed(), title);
  auto reverted = allowed ? ctx.wiki().revert(ctx.actor, ctx.ed(), title, info->id, summary)
                          : engine::Result<engine::SaveOutcome>(allowed.error());
  if (reverted.ok()) return see_other(res, Urls(ctx.ed(), ctx.uselang).page(title));
  send_revert_form(res, ctx, title, *info, summary,
                   ctx.msg(reverted.error().message_id, reverted.error().args),
                   http_status(reverted.error().code));
}

}  // namespace kidwiki::web

// ?diff=N&oldid=M: what changed from revision M to revision N, side by side. Without oldid, the
// change N made to its parent (or, for a page's first revision, to an empty page).
#include "html/page/html_diff_table.h"
#include "http/call.h"
#include "http/form_fields.h"
#include "html/page/html_layout.h"
#include "html/page/html_pages.h"
#include "html/page/html_revision_data.h"
#include "html/page/html_urls.h"
#include "http/query_params.h"

#include "html/moderation/html_moderation.h"

namespace kidwiki::web {
namespace {

// A revision of `title`, or an error when it is missing or belongs to another page.
engine::Result<engine::Revision> page_revision(const HtmlContext& ctx, const engine::Title& title,
                                               std::int64_t id) {
  auto revision = ctx.wiki().revision(ctx.actor, ctx.ed(), id);
  if (revision.ok() && revision->info.title != title) {
    return engine::make_error(engine::ErrorCode::wrong_page, "web-error-revision-other-page");
  }
  return revision;
}

TemplateData side(const HtmlContext& ctx, const std::optional<engine::Revision>& revision) {
  if (!revision) return TemplateData().set("exists", false);
  return revision_data(ctx, revision->info).set("exists", true);
}

void send_diff(httplib::Response& res, const HtmlContext& ctx, const engine::Title& title,
               const std::optional<engine::Revision>& from, const engine::Revision& to,
               const engine::DiffResult& diff) {
  TemplateData data;
  data.set("from", side(ctx, from))
      .set("to", side(ctx, to))
      .set("diff_rows", diff_rows(diff))
      .set("diff_left_heading", from ? ctx.msg("web-diff-revision-heading",
                                               {{"time", from->info.timestamp}})
                                     : ctx.msg("web-diff-empty-heading"))
      .set("diff_right_heading", ctx.msg("web-diff-revision-heading",
                                         {{"time", to.info.timestamp}}))
      .set("diff_stats", ctx.msg("web-diff-stats", {{"added", diff.lines_added},
                                                    {"removed", diff.lines_removed}}));
  Chrome chrome;
  heading_with(chrome, ctx, "web-diff-heading", "title", engine::full_title(title, ctx.ed().names));
  chrome.page = title;
  chrome.tab = Tab::history;
  chrome.noindex = true;
  send_html(res, ctx, chrome, "diff", std::move(data));
}

}  // namespace

void show_diff(const Call& call) {
  auto page = wiki_page(call);
  if (!page) return;
  const httplib::Request& req = call.req;
  httplib::Response& res = call.res;
  const HtmlContext& ctx = page->ctx;
  const engine::Title& title = page->title;
  const auto to_id = parse_positive_id(req.get_param_value("diff"));
  const std::string from_text = req.get_param_value("oldid");
  auto from_id = parse_positive_id(from_text);
  if (!to_id || (!from_text.empty() && !from_id)) {
    return send_html_error(res, ctx, 400, ctx.msg("web-error-heading"),
                           ctx.msg("web-error-bad-revision"));
  }
  auto to = page_revision(ctx, title, *to_id);
  if (!to.ok()) return send_engine_error(res, ctx, to.error());
  if (!from_id) from_id = to->info.parent_id;
  if (!from_id) {
    return send_diff(res, ctx, title, std::nullopt, to.value(),
                     engine::diff_texts("", to->markdown));
  }
  auto from = page_revision(ctx, title, *from_id);
  if (!from.ok()) return send_engine_error(res, ctx, from.error());
  auto diff = ctx.wiki().diff(ctx.actor, ctx.ed(), *from_id, *to_id);
  if (!diff.ok()) return send_engine_error(res, ctx, diff.error());
  send_diff(res, ctx, title, from.value(), to.value(), diff.value());
}

}  // namespace kidwiki::web

#include "http/access.h"
#include "http/error_status.h"
#include "html/moderation/html_moderation.h"
#include "html/page/html_urls.h"
#include "http/access.h"

namespace kidwiki::web {
namespace {

struct ToolLink {
  engine::Action action;
  std::string_view name;  // the special page
  bool for_page;          // takes the page's title
  std::string_view label_id;
};

constexpr ToolLink kToolLinks[] = {
    {engine::Action::protect_page, "protect", true, "moderation-tools-protect"},
    {engine::Action::delete_page, "delete", true, "moderation-tools-delete"},
    {engine::Action::handle_reports, "reports", false, "moderation-tools-reports"},
    {engine::Action::block_user, "blocks", false, "moderation-tools-blocks"},
    {engine::Action::delete_page, "restore", false, "moderation-tools-deleted"},
    {engine::Action::view_audit_class, "audit", false, "moderation-tools-audit"},
    {engine::Action::edit_filters, "filters", false, "moderation-tools-filters"},
};

}  // namespace

void add_moderation_links(TemplateData& data, const HtmlContext& ctx, const engine::Title& title) {
  const Urls urls(ctx.ed(), ctx.uselang);
  const std::string title_arg = engine::title_to_url(title, ctx.ed().names);
  data.set("report_url", urls.special("report", "", title_arg));
  const Caller caller{ctx.session};
  std::vector<TemplateData> links;
  for (const auto& link : kToolLinks) {
    if (!caller.may(link.action)) continue;
    links.push_back(TemplateData()
                        .set("url", urls.special(link.name, "", link.for_page ? title_arg : ""))
                        .set("label", ctx.msg(link.label_id)));
  }
  data.set("has_moderation_links", !links.empty()).set("moderation_links", std::move(links));
}

void send_moderation_page(httplib::Response& res, const HtmlContext& ctx, Chrome chrome,
                          std::string_view page, TemplateData data, int status) {
  chrome.noindex = true;
  // What a moderator sees (names, reasons, reported text) must not stay in a shared cache.
  res.set_header("Cache-Control", "no-store");
  send_html(res, ctx, chrome, page, std::move(data), status);
}

void add_hidden_marks(TemplateData& data, const HtmlContext& ctx,
                      const engine::RevisionInfo& info) {
  data.set("hidden", info.hidden);
  if (info.hidden) data.set("hidden_label", ctx.msg("moderation-history-hidden"));
  // The engine left out a hidden revision's summary for those who may not see it.
  if (!ctx.actor.may(engine::Action::hide_revision)) return;
  data.set("hide_url", Urls(ctx.ed(), ctx.uselang).special("hide", "", std::to_string(info.id)))
      .set("hide_label",
           ctx.msg(info.hidden ? "moderation-history-unhide" : "moderation-history-hide"));
}

int add_error(TemplateData& data, const HtmlContext& ctx, const engine::Error& error) {
  data.set("has_error", true).set("error_message", ctx.msg(error.message_id, error.args));
  return http_status(error.code);
}

void add_done_notice(TemplateData& data, const HtmlContext& ctx, const httplib::Request& req,
                     std::string_view id) {
  if (req.get_param_value("done") != "1") return;
  data.set("has_notice", true).set("notice", ctx.msg(id));
}

}  // namespace kidwiki::web

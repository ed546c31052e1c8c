// The blocks page: who is blocked now, the form to block someone, and a button to lift a block.
#include "http/access.h"
#include "http/call.h"
#include "actions/block_end.h"
#include "http/form_fields.h"
#include "html/moderation/html_moderation.h"
#include "html/page/html_pages.h"
#include "html/page/html_revision_data.h"
#include "html/page/html_urls.h"
#include "http/query_params.h"

namespace kidwiki::web {
namespace {

// The durations the form offers, in hours; the empty choice blocks until lifted.
constexpr std::int64_t kDurations[] = {1, 24, 24 * 7, 24 * 30};

TemplateData block_item(const HtmlContext& ctx, const engine::Block& b) {
  return TemplateData()
      .set("user", b.user_name)
      .set("by", b.blocked_by_name)
      .set("reason", b.reason)
      .set("since", readable_time(ctx, b.created_at))
      .set("until",
           b.expires_at ? readable_time(ctx, *b.expires_at) : ctx.msg("moderation-blocks-until-lifted"));
}

// "1 hour", "1 day", "1 week", "30 days": people count blocks in days and weeks, not in hours.
std::string duration_label(const HtmlContext& ctx, std::int64_t hours) {
  constexpr std::int64_t kWeek = 24 * 7;
  if (hours % kWeek == 0) return ctx.msg("moderation-blocks-weeks", {{"weeks", hours / kWeek}});
  if (hours % 24 == 0) return ctx.msg("moderation-blocks-days", {{"days", hours / 24}});
  return ctx.msg("moderation-blocks-hours", {{"hours", hours}});
}

std::vector<TemplateData> durations(const HtmlContext& ctx, const std::string& chosen) {
  std::vector<TemplateData> out;
  out.push_back(TemplateData()
                    .set("value", "")
                    .set("label", ctx.msg("moderation-blocks-until-lifted"))
                    .set("selected", chosen.empty()));
  for (auto hours : kDurations) {
    out.push_back(TemplateData()
                      .set("value", std::to_string(hours))
                      .set("label", duration_label(ctx, hours))
                      .set("selected", chosen == std::to_string(hours)));
  }
  return out;
}

void send_blocks_page(httplib::Response& res, const HtmlContext& ctx, TemplateData data,
                      const std::string& hours, int status) {
  std::vector<TemplateData> items;
  auto active = ctx.wiki().moderation().active_blocks(ctx.actor);
  if (!active) return send_engine_error(res, ctx, active.error());
  for (const auto& b : active.value()) items.push_back(block_item(ctx, b));
  data.set("has_blocks", !items.empty())
      .set("blocks", std::move(items))
      .set("durations", durations(ctx, hours))
      .set("form_url", Urls(ctx.ed(), ctx.uselang).special("blocks"))
      .set("max_reason", static_cast<std::int64_t>(engine::Moderation::kMaxReasonBytes));
  Chrome chrome;
  chrome.heading = ctx.msg("moderation-blocks-heading");
  send_moderation_page(res, ctx, chrome, "blocks", std::move(data), status);
}

engine::Status act(const httplib::Request& req, const HtmlContext& ctx) {
  const engine::Actor& actor = ctx.actor;
  auto user = ctx.wiki().accounts().user_by_name(actor, form_field(req, "wpUser"));
  if (!user)
    return engine::make_error(engine::ErrorCode::not_found, "moderation-error-user-not-found");
  auto& mod = ctx.wiki().moderation();
  const std::string reason = form_field(req, "wpReason");
  if (form_field(req, "wpAction") == "unblock") return mod.unblock(actor, user->id, reason);
  std::optional<std::string> end;
  if (const std::string hours = form_field(req, "wpHours"); !hours.empty()) {
    auto n = parse_decimal(hours);
    auto after = block_end_after(n.value_or(0));
    if (!after) return after.error();
    end = after.value();
  }
  auto block = mod.block(actor, user->id, reason, end);
  if (!block) return block.error();
  return engine::Ok{};
}

}  // namespace

void html_blocks_page(const Call& call) {
  const httplib::Request& req = call.req;
  httplib::Response& res = call.res;
  WebContext& web = call.web;
  const engine::Edition& ed = call.ed();
  if (!require(req, res, web, engine::Action::block_user)) return;
  const HtmlContext ctx = make_html_context(req, web, &ed);
  TemplateData data;
  add_done_notice(data, ctx, req, "moderation-blocks-done");
  send_blocks_page(res, ctx, std::move(data), "", 200);
}

void html_blocks_submit(const Call& call) {
  const httplib::Request& req = call.req;
  httplib::Response& res = call.res;
  WebContext& web = call.web;
  const engine::Edition& ed = call.ed();
  auto caller = require(req, res, web, engine::Action::block_user);
  if (!caller) return;
  const HtmlContext ctx = make_html_context(req, web, &ed);
  auto done = act(req, ctx);
  if (done) return see_other(res, Urls(ed, ctx.uselang).special("blocks", "done=1"));
  TemplateData data;
  data.set("user", form_field(req, "wpUser")).set("reason", form_field(req, "wpReason"));
  int status = add_error(data, ctx, done.error());
  send_blocks_page(res, ctx, std::move(data), form_field(req, "wpHours"), status);
}

}  // namespace kidwiki::web

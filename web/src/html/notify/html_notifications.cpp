// Special:Notifications: what happened to the caller's edits and to the pages they watch, each
// told in a sentence that links to where to look (the page, its diff, the review queue, the edit
// form of a page sent back). Visiting the page marks what it shows read: a child should not have
// to find a second button to make the count go away.
#include <limits>

#include "html/notify/html_notify.h"
#include "html/page/html_layout.h"
#include "html/page/html_pages.h"
#include "html/page/html_urls.h"
#include "http/access.h"
#include "http/error_status.h"
#include "http/query_params.h"

namespace kidwiki::web {
namespace {

constexpr int kShown = 50;

// Where a notification sends its reader.
std::string target_of(const engine::Notification& n, const engine::Edition& ed,
                      const HtmlContext& ctx) {
  const Urls urls(ed, ctx.uselang);
  switch (n.kind) {
    case engine::NotificationKind::sent_back:
      return urls.page(n.title, "action=edit");
    case engine::NotificationKind::page_edited:
      return n.revision_id ? urls.page(n.title, "diff", *n.revision_id) : urls.page(n.title);
    case engine::NotificationKind::review_waiting:
      return urls.special("review");
    default:
      return urls.page(n.title);
  }
}

TemplateData item_data(const engine::Notification& n, const engine::Edition& ed,
                       const HtmlContext& ctx) {
  const std::string kind = engine::notification_kind_name(n.kind);
  const std::string title = engine::full_title(n.title, ed.names);
  return TemplateData()
      .set("kind", kind)
      .set("text", ctx.msg("notification-" + kind, {{"agent", n.agent},
                                                     {"title", title},
                                                     {"count", static_cast<std::int64_t>(n.count)}}))
      .set("url", target_of(n, ed, ctx))
      .set("has_message", !n.message.empty())
      .set("message", n.message)
      .set("content_lang", ed.lang)
      .set("content_dir", ed.dir)
      .set("timestamp", n.timestamp)
      .set("time", ctx.msg("web-time", {{"time", n.timestamp}}))
      .set("unread", !n.read);
}

}  // namespace

void html_notifications_page(const Call& call) {
  auto caller = require(call.req, call.res, call.web, engine::Action::see_own_edits);
  if (!caller) return;
  const HtmlContext ctx = make_html_context(call.req, call.web, call.edition);
  auto before = query_integer(call.req, "before", 1, std::numeric_limits<std::int64_t>::max());
  if (!before) return send_engine_error(call.res, ctx, before.error());
  auto& notifications = ctx.wiki().notifications();
  auto listed = notifications.list(caller->actor, kShown + 1, before.value());
  if (!listed) return send_engine_error(call.res, ctx, listed.error());
  std::vector<engine::Notification> shown = std::move(listed).value();
  const bool more = static_cast<int>(shown.size()) > kShown;
  if (more) shown.pop_back();
  std::vector<TemplateData> items;
  std::vector<std::int64_t> unread;
  for (const auto& n : shown) {
    if (!n.read) unread.push_back(n.id);
    const auto ed = ctx.wiki().edition(n.lang);
    if (ed) items.push_back(item_data(n, *ed, ctx));
  }
  // Read once shown; a failure here only leaves them counted, so it is not the page's error.
  if (!unread.empty()) (void)notifications.mark_read(caller->actor, unread);
  const Urls urls(ctx.ed(), ctx.uselang);
  TemplateData data;
  data.set("has_items", !items.empty())
      .set("items", std::move(items))
      .set("watchlist_url", urls.special("watchlist"))
      .set("has_older", more)
      .set("older_url",
           more ? urls.special("notifications", "before=" + std::to_string(shown.back().id)) : "");
  Chrome chrome;
  chrome.heading = ctx.msg("notifications-heading");
  chrome.noindex = true;
  send_html(call.res, ctx, chrome, "notifications", std::move(data));
}

void add_notification_chrome(TemplateData& data, const HtmlContext& ctx) {
  if (!ctx.session || !ctx.edition) return;
  const int unread = ctx.wiki().notifications().unread_count(ctx.actor);
  data.set("notifications_url", Urls(ctx.ed(), ctx.uselang).special("notifications"))
      .set("has_unread", unread > 0)
      .set("unread_count", unread >= 99 ? std::string("99+") : std::to_string(unread))
      .set("unread_text", ctx.msg("notifications-unread-count",
                                  {{"count", static_cast<std::int64_t>(unread)}}));
}

}  // namespace kidwiki::web

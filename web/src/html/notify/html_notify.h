// Notifications and the watchlist in the HTML interface: the header's link with the unread count,
// the star on every page, Special:Notifications and Special:Watchlist.
#pragma once

#include "engine/wiki.h"
#include "html/page/html_context.h"
#include "html/page/html_template_data.h"
#include "http/call.h"

namespace kidwiki::web {

// GET /{lang}/special/notifications: the caller's notifications, newest first; showing them
// marks them read (docs/api.md).
void html_notifications_page(const Call& call);
// GET /{lang}/special/watchlist: the pages the caller watches in this edition.
void html_watchlist_page(const Call& call);
// POST /{lang}/wiki/{title}?action=watch, wpWatch=1 or 0: stars or unstars the page, then 303
// back to it.
void submit_watch(const Call& call);

// The header's "Notifications" link and unread count, for a logged-in caller.
void add_notification_chrome(TemplateData& data, const HtmlContext& ctx);
// The star form of `page`, for a logged-in caller, when the page exists for them.
void add_watch_chrome(TemplateData& data, const HtmlContext& ctx, const engine::Title& page);

}  // namespace kidwiki::web

// The JSON API of notifications and the watchlist (docs/api.md, "Notifications and watchlist").
// What a notification may tell and to whom is the engine's decision (engine/notifications.h).
#pragma once

#include "http/call.h"

namespace kidwiki::web {

// GET /api/v1/notifications?limit=&before= : {notifications: [...], unread, next_before}.
void api_notifications_list(const Call& call);
// POST /api/v1/notifications/read {ids: [..]} (or {} for all): {unread}.
void api_notifications_read(const Call& call);
// GET /api/v1/watchlist?lang= : {pages: [{lang, title, added_at}]}.
void api_watchlist(const Call& call);
// PUT and DELETE /api/v1/{lang}/pages/{title}/watch : {title, watched}.
void api_page_watch(const Call& call);
void api_page_unwatch(const Call& call);

}  // namespace kidwiki::web

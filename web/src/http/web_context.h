// What every request handler may use: the wiki and the server's settings.
#pragma once

#include "engine/wiki.h"
#include "search/search.h"
#include "http/edit_rate_limit.h"
#include "actions/preview_limit.h"
#include "actions/report_limit.h"
#include "http/shared_window.h"
#include "http/view_cache.h"
#include "web/login_throttle.h"
#include "web/server.h"

namespace kidwiki::web {

// Both references outlive the server; handlers run on many threads at once and only read
// `options` (Wiki is thread-safe).
struct WebContext {
  engine::Wiki& wiki;
  const ServerOptions& options;
  search::Search* search = nullptr;  // null only when a test runs the server without search
  ViewCache views{};                  // anonymous article views (see view_cache.h)
  LoginThrottle logins{};             // failed logins, in memory only (see web/login_throttle.h)
  SharedWindow reports{kReportsPerWindow, kReportWindow};  // reports, per account or address
  SharedWindow account_previews{kPreviewsPerAccount, kPreviewWindow};
  SharedWindow address_previews{kPreviewsPerAddress, kPreviewWindow};
  EditRateLimit edits{options.edit_limits};  // saves per account and class, in memory only
};

}  // namespace kidwiki::web

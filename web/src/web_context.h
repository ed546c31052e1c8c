// What every request handler may use: the wiki and the server's settings.
#pragma once

#include "engine/wiki.h"
#include "web/server.h"

namespace kidwiki::web {

// Both references outlive the server; handlers run on many threads at once and only read
// `options` (Wiki is thread-safe).
struct WebContext {
  engine::Wiki& wiki;
  const ServerOptions& options;
};

}  // namespace kidwiki::web

// Validators for answers a cache may keep: a strong ETag from the bytes of a body, and the
// conditional request that a matching tag turns into "304 Not Modified".
#pragma once

#include <httplib.h>

#include <string>
#include <string_view>

namespace kidwiki::web {

// "\"5f3a…\"": FNV-1a over the bytes. Not a secret, only a name for these exact bytes, stable
// across restarts so that a cache's validator survives them.
std::string entity_tag(std::string_view body);

// Whether the request's If-None-Match names `tag` (or is "*"): the client holds these bytes.
bool client_has(const httplib::Request& req, std::string_view tag);

}  // namespace kidwiki::web

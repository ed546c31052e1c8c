// Every URL the server answers, registered in one place (routes.cpp).
#pragma once

#include <httplib.h>

#include "http/web_context.h"

namespace kidwiki::web {

// Installs the routes on `http`. `ctx` must outlive `http`.
void register_routes(httplib::Server& http, WebContext& ctx);

// True for paths of the JSON API, whose errors are JSON objects.
bool is_api_path(std::string_view target);

}  // namespace kidwiki::web

// One request as every route's handler receives it (routes.cpp): the request, the answer to
// fill, the server's context, the path's captures (percent-decoded once), and the edition the
// path names when its pattern starts with {lang} (the router answers 404 for an unknown one
// before any handler runs). Every handler has the one signature `void (const Call&)`.
#pragma once

#include <string>
#include <string_view>

#include <httplib.h>

#include "engine/wiki.h"
#include "http/router.h"
#include "http/web_context.h"

namespace kidwiki::web {

struct Call {
  const httplib::Request& req;
  httplib::Response& res;
  WebContext& web;
  const PathParams& params;
  const engine::Edition* edition = nullptr;

  // Precondition: the route's pattern has {lang}.
  const engine::Edition& ed() const { return *edition; }
  // The path capture `name`. Precondition: the route's pattern has it.
  const std::string& param(std::string_view name) const;
};

using Handler = void (*)(const Call&);

}  // namespace kidwiki::web

// Whether a request comes from one of the site's own pages, by its Origin header (or Referer
// where a browser sends no Origin), against the Host it was sent to. Login checks it, since a
// login form posted from another site would log a child into an account someone else chose;
// the other state-changing routes have the session's token instead.
#pragma once

#include <string_view>

namespace kidwiki::web {

// True when `origin` (or, if empty, `referer`) names `host`; true when both are empty, as from a
// program rather than a browser (browsers send Origin with every cross-site POST). "null" and
// anything malformed are not the site.
bool is_same_origin(std::string_view origin, std::string_view referer, std::string_view host);

}  // namespace kidwiki::web

// The language the interface speaks to one request.
#pragma once

#include <string>

#include <httplib.h>

#include "engine/wiki.h"

namespace kidwiki::web {

// ?uselang=, then Accept-Language, then the edition's language (when `edition` is given),
// then "en"; only languages with a catalog (or the pseudo-language "qqx") are chosen.
std::string interface_language(const httplib::Request& req, const engine::Edition* edition);

}  // namespace kidwiki::web

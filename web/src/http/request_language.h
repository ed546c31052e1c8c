// The language the interface speaks to one request.
#pragma once

#include <string>

#include <httplib.h>

#include "engine/wiki.h"

namespace kidwiki::web {

// ?uselang=, then Accept-Language, then the edition's language (when `edition` is given),
// then "en"; only languages with a catalog (or the pseudo-language "qqx") are chosen.
std::string interface_language(const httplib::Request& req, const engine::Edition* edition);

// The language of an HTML page of `edition`: ?uselang=, else the edition's, never a header, so
// that the address names the whole page and any cache can keep it without Vary (docs/i18n.md).
// Without an edition, as interface_language().
std::string page_language(const httplib::Request& req, const engine::Edition* edition);

}  // namespace kidwiki::web

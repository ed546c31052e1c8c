// Turns a stored revision's link placeholders into real links with their current state: blue to
// a page that readers can see, red ("new") to the edit form of one that does not exist yet.
// Why at view time: creating a page turns every link to it blue without re-rendering the pages
// that link to it; only the link tables are consulted.
#pragma once

#include <functional>
#include <string>
#include <string_view>
#include <vector>

#include "engine/options.h"
#include "engine/wiki.h"

namespace kidwiki::engine {

// Which of the distinct targets exist, in their order, asked once for all of them.
using ExistingTitles = std::function<std::vector<bool>(const std::vector<Title>&)>;

// `address` gives each link's URL (a fragment of the link, "#anchor", is added to an existing
// page's). Text between placeholders is copied unchanged.
std::string assemble_links(std::string_view html, const Edition& edition,
                           const ExistingTitles& exists, const PageAddress& address);

}  // namespace kidwiki::engine

// titles.js, the list the folder copy's title search reads (offline/assets/search.js): a script,
// not JSON, because a page opened from file:// may load a <script> but not fetch a file.
#pragma once

#include <string>

#include "engine/wiki.h"
#include "plan/export_plan.h"

namespace kidwiki::offline {

// "window.kidwikiTitles = [[title, path], ...];": every page, then every redirect with its
// target's path. The array is JSON, which every JavaScript engine reads as a literal; a title
// cannot end the script or run code, whatever it holds.
std::string titles_script(const engine::Edition& ed, const ExportPlan& plan);

}  // namespace kidwiki::offline

// The main page's ```featured blocks (wiki/featured_lists.h) are lists for the engine, not text
// for readers: the renderer drops them, so that neither the page nor its search entry shows them.
#pragma once

#include <cmark-gfm.h>

namespace kidwiki::engine {

// Removes every top-level ```featured block of `document`.
void drop_featured_lists(cmark_node* document);

}  // namespace kidwiki::engine

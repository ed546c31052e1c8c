// Which page views a change to one page makes stale, read inside the writer's transaction: the
// page itself, the redirects that show it, its category pages, and, when the page comes into or
// goes out of existence for readers, every page that links to it (the link changes colour).
#pragma once

#include <cstdint>
#include <vector>

#include "engine/title.h"
#include "store/database.h"
#include "store/revision_meta.h"

namespace kidwiki::engine {

// Called before the change: the titles it will make stale as the page is now (its current
// categories, and its backlinks when `existence_changes`).
std::vector<Title> stale_views(db::Connection& c, std::int64_t edition_id, std::int64_t page_id,
                               const Title& title, bool existence_changes);

// After the change: the category pages the new revision joins.
void add_categories(std::vector<Title>& stale, const RevisionMeta& meta);

}  // namespace kidwiki::engine

// Reading and writing the editions: the rows the Wiki loads once at start, and the one setting an
// admin changes while it runs. Free functions over a connection, like page_store.h.
#pragma once

#include <cstdint>
#include <vector>

#include "engine/wiki.h"
#include "store/database.h"

namespace kidwiki::engine {

// Every edition, in the order of their ids.
std::vector<Edition> all_editions(db::Connection& c);
// Adds an edition, with anonymous editing off. `edition.id` and `anonymous_editing` are ignored.
void insert_edition(db::Connection& c, const Edition& edition);
void set_edition_anonymous_editing(db::Connection& c, std::int64_t edition_id, bool on);

}  // namespace kidwiki::engine

// Draining the search outbox: the pages queued for the index (queued by page_writer.h's
// queue_for_search, in the transaction of each change readers see). Free functions over a
// connection, like page_store.h.
#pragma once

#include <cstdint>
#include <string_view>
#include <vector>

#include "engine/wiki.h"
#include "store/database.h"

namespace kidwiki::engine {

// At most `limit` queued entries, oldest first.
std::vector<OutboxEntry> outbox_entries(db::Connection& c, int limit);
// Removes every entry up to and including the id `last_id`. Runs on the writer.
void delete_outbox_through(db::Connection& c, std::int64_t last_id);
// The newest id ever given to an entry (0 before the first): ids never go back (migration 11).
std::int64_t outbox_newest_id(db::Connection& c);
// Removes the entries of one edition up to and including `last_id`. Runs on the writer.
void delete_edition_outbox_through(db::Connection& c, std::string_view lang,
                                   std::int64_t last_id);

}  // namespace kidwiki::engine

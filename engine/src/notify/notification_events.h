// Who is told of a change: the rules of engine/notifications.h, applied inside the change's own
// transaction on the writer, so that a notification exists exactly when its change was committed.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "engine/actor.h"
#include "engine/wiki.h"
#include "store/database.h"

namespace kidwiki::engine {

// A revision `actor` saved on `page_id`: the page joins the actor's watchlist; a published one
// tells the page's watchers, a pending one the author's teacher (nobody else may see it yet).
void tell_saved(db::Connection& c, const Actor& actor, std::int64_t page_id,
                std::int64_t revision_id, bool pending);

// A review of the line ending in `head`, whose revisions are `line_ids`: its author learns the
// decision; an approval (publishing `published_id`) tells the page's watchers, the review's
// waiting notifications are settled.
void tell_reviewed(db::Connection& c, const Actor& reviewer, const RevisionInfo& head,
                   const std::vector<std::int64_t>& line_ids, ReviewState state,
                   std::int64_t published_id, const std::string& message);

// A report on `page_id`: the teachers of the pupils who wrote on the page learn its reason.
void tell_reported(db::Connection& c, std::int64_t page_id,
                   std::optional<std::int64_t> revision_id, const std::string& reason);

}  // namespace kidwiki::engine

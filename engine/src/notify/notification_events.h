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

// A version of talk page `page_id` published, from `before` to `after`: the authors of the comments
// it answers for the first time learn of the replies (only now: a reply waiting for review is
// text they may not see yet).
void tell_replies(db::Connection& c, std::int64_t page_id, std::int64_t revision_id,
                  std::string_view before, std::string_view after);

// A report on `page_id`: the teachers of the pupils who wrote on the page learn its reason.
void tell_reported(db::Connection& c, std::int64_t page_id,
                   std::optional<std::int64_t> revision_id, const std::string& reason);

}  // namespace kidwiki::engine

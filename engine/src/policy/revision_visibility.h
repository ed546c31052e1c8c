// Which revisions exist for an actor. Readers see approved revisions. An unpublished revision
// (pending, sent back, or superseded by its author's later one) exists only for its author and
// those who review them (review_scope.h): for anyone else it does not exist at all (not_found), in
// every list, diff, merge and form. A hidden revision's text and summary are for moderators and
// admins only (forbidden for the others, who still see that it exists).
#pragma once

#include <cstdint>
#include <vector>

#include "engine/actor.h"
#include "engine/wiki.h"
#include "store/database.h"

namespace kidwiki::engine::policy {

// Ok, not_found ("error-revision-not-found") or forbidden ("moderation-revision-hidden").
Status may_see(db::Connection& c, const Actor& actor, const RevisionInfo& info);

// Whether `actor` sees hidden revisions' text and summary.
bool sees_hidden(const Actor& actor);

// The rows a list (history, recent changes) shows `actor`: approved revisions, every revision
// when `every_state`, and the unpublished ones of `also_authors`.
struct ListScope {
  bool every_state = false;
  std::vector<std::int64_t> also_authors;
};
ListScope list_scope(db::Connection& c, const Actor& actor);

// `info` as a list shows it to `actor`: a hidden revision's summary left out for those who may
// not see hidden revisions.
RevisionInfo as_listed(const Actor& actor, RevisionInfo info);

}  // namespace kidwiki::engine::policy

// Lists of revisions: a page's history, an edition's recent changes, and an author's edits with
// their review state. Free functions over a connection, like page_store.h. Which rows a list may
// show is the policy's to say (policy::list_scope); these functions only select them.
#pragma once

#include <cstdint>
#include <optional>
#include <vector>

#include "engine/wiki.h"
#include "store/database.h"

namespace kidwiki::engine {

// At most `limit` revisions of the page below the id `before` (empty: from the newest), newest
// first, with `next_before` set when more follow: the approved ones, every one when
// `every_state`, and the unpublished ones of `also_authors`.
Page page_history(db::Connection& c, std::int64_t page_id, std::optional<std::int64_t> before,
                  int limit, bool every_state, const std::vector<std::int64_t>& also_authors);
// The same over every page of the edition that is not deleted.
Page recent_revisions(db::Connection& c, std::int64_t edition_id,
                      std::optional<std::int64_t> before, int limit, bool every_state,
                      const std::vector<std::int64_t>& also_authors);

// At most `limit` revisions by these authors, newest first, whatever their state or page.
std::vector<AuthorEdit> author_edits(db::Connection& c, const std::vector<std::int64_t>& author_ids,
                                     int limit);
// The revision as its author's edit; empty when there is none or its page is deleted.
std::optional<AuthorEdit> author_edit(db::Connection& c, std::int64_t revision_id);

}  // namespace kidwiki::engine

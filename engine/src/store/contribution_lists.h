// The rows behind contributions (engine/contributions.h): an account's revisions, what a group
// of authors did per page, and a page's published versions for attributing its words. Free
// functions over a connection; which rows an actor may see is the policy's to say (the caller
// passes its answers as flags).
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "engine/wiki.h"
#include "store/database.h"

namespace kidwiki::engine {

// Which of an author's revisions a contributions list shows.
struct ContributionScope {
  bool every_state = false;    // pending and sent back too (the author and their reviewers)
  bool hidden = false;         // hidden revisions too (moderators and admins)
  bool deleted_pages = false;  // revisions of deleted pages too (moderators and admins)
};

// At most `limit` revisions by `author_id` below the id `before` (empty: from the newest), newest
// first, with next_before set when more follow.
ContributionPage author_contributions(db::Connection& c, std::int64_t author_id,
                                      const ContributionScope& scope, int limit,
                                      std::optional<std::int64_t> before);

// What one author did to one page that is not deleted.
struct AuthorPageEdits {
  std::int64_t author_id = 0;
  std::int64_t page_id = 0;
  int edits = 0;
  std::int64_t newest_revision_id = 0;
  std::string newest_at;  // ISO 8601 UTC
};
// The pages these authors edited, with every revision counted (hidden ones only when
// `hidden`), the most recently edited page first; at most `max_pages` pages (and so possibly
// several rows per page, one per author).
std::vector<AuthorPageEdits> edits_per_page(db::Connection& c,
                                            const std::vector<std::int64_t>& author_ids,
                                            bool hidden, int max_pages);

// One published version of a page, for attribution.
struct PublishedVersion {
  std::int64_t revision_id = 0;
  std::optional<std::int64_t> author_id;  // empty: an anonymous reader
  std::string plain_text;
};
// The newest `limit` published (approved) revisions of the page up to and including
// `through_revision_id`, oldest first; `more` says whether older ones were left out.
std::vector<PublishedVersion> published_versions(db::Connection& c, std::int64_t page_id,
                                                 std::int64_t through_revision_id, int limit,
                                                 bool& more);

}  // namespace kidwiki::engine

// Writing pages and revisions. Every function runs inside the caller's transaction on the
// writer connection; none commits.
#pragma once

#include <cstdint>
#include <optional>
#include <string>

#include "store/database.h"
#include "store/page_store.h"
#include "store/revision_meta.h"

namespace kidwiki::engine {

struct NewRevision {
  std::int64_t page_id = 0;
  std::optional<std::int64_t> parent_id;
  std::string author;
  std::string summary;
  std::string markdown;
  std::string html;
  std::string plain_text;
  RevisionMeta meta;
  ReviewState review = ReviewState::approved;
  std::optional<std::int64_t> author_id{};
  std::string created_at{};  // ISO 8601 UTC; empty: now (an import keeps its source's time)
};

std::int64_t insert_page(db::Connection& c, std::int64_t edition_id, const Title& title);
std::int64_t insert_revision(db::Connection& c, const NewRevision& revision);

// Makes `revision_id` the revision readers see of `page`: updates the page row, rebuilds its
// link, category, interlanguage and redirect rows from `meta`, and queues for the search index
// the page and every page whose set of redirects changed.
void publish(db::Connection& c, const PageRow& page, std::int64_t revision_id,
             const RevisionMeta& meta);

// Readers see nothing of `page` any more (no approved revision left that is not hidden, or the
// page was deleted): clears its visible revision and its link, category, interlanguage and
// redirect rows, and queues it and its former redirect target for the search index.
void unpublish(db::Connection& c, const PageRow& page);

// Sets the newest revision of a page without changing what readers see.
void set_latest(db::Connection& c, std::int64_t page_id, std::int64_t revision_id);

void queue_for_search(db::Connection& c, std::int64_t edition_id, std::int64_t page_id);

// Changes a page's title (a move). The caller checks that the new title is free.
void rename_page(db::Connection& c, std::int64_t page_id, const Title& title);

}  // namespace kidwiki::engine

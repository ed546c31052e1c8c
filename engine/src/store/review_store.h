// Reading and writing what review needs: an author's unpublished line of revisions on a page, the
// queue of lines waiting, and the decisions. Free functions over a connection, like page_store.h.
//
// An author's line: the revisions they saved on a page that are not published yet (pending, or
// sent back), each built on the one before, starting from a published revision (its root) or from
// nothing (a new page). Nobody else builds on it, and it is merged with what was published since
// its root when it is published (engine/src/wiki/wiki_save.cpp, wiki_review.cpp).
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "store/database.h"
#include "store/page_store.h"

namespace kidwiki::engine {

// The author's newest revision of the page when it is unpublished (pending or sent back, not
// superseded, not hidden): the version they work on. Empty otherwise.
std::optional<StoredRevision> unpublished_head(db::Connection& c, std::int64_t edition_id,
                                               std::int64_t page_id, std::int64_t author_id);

// Where `rev`'s line starts: the first revision below it (by parent) that is not the same
// author's unpublished revision. Empty when the line starts from nothing. An anonymous author has
// no line: the root is the parent.
std::optional<std::int64_t> line_root(db::Connection& c, const RevisionInfo& rev);

struct PendingRow {
  std::int64_t id = 0;
  std::optional<std::int64_t> author_id;
  std::optional<std::int64_t> class_id;  // the author's class, for the audit log
  std::string summary;
};

// What a decision on `head` covers, oldest first: the author's pending revisions of the page up
// to `head`, not superseded (only `head` for an anonymous author).
std::vector<PendingRow> pending_line(db::Connection& c, const RevisionInfo& head);

// Records a decision on one revision (`reviewer_id` empty: the console).
void record_decision(db::Connection& c, std::int64_t revision_id, ReviewState state,
                     std::optional<std::int64_t> reviewer_id, std::string_view message);
// `revision_id` was reviewed with its author's later revision `by`: it leaves the queue, and its
// own text stays unpublished.
void mark_superseded(db::Connection& c, std::int64_t revision_id, std::int64_t by);
// The name of whoever decided on `revision_id` ("" when nobody, or the console).
std::string decided_by(db::Connection& c, std::int64_t revision_id);

// The lines waiting for review, one item per author and page (its newest pending revision),
// oldest line first. `edition_id` 0 for every edition; `authors` empty for everyone's.
std::vector<ReviewItem> waiting_lines(db::Connection& c, std::int64_t edition_id,
                                      const std::optional<std::vector<std::int64_t>>& authors,
                                      int limit);
// How many of the page's lines wait, by these authors (empty: everyone's).
int waiting_lines_on_page(db::Connection& c, std::int64_t page_id,
                          const std::optional<std::vector<std::int64_t>>& authors);

}  // namespace kidwiki::engine

// Reading pages and revisions from the database. Free functions over a connection, so that the
// same queries serve the reader pool and the writer (which must read inside its transaction).
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "store/database.h"
#include "engine/moderation.h"
#include "engine/wiki.h"

namespace kidwiki::engine {

struct PageRow {
  std::int64_t id = 0;
  std::int64_t edition_id = 0;
  Title title;
  std::optional<std::int64_t> latest_revision_id;   // newest revision, whatever its review
  std::optional<std::int64_t> visible_revision_id;  // what readers see; empty: nothing
  bool is_redirect = false;
  bool deleted = false;  // deleted by a moderator: readers see nothing of it
  Protection protection = Protection::none;
};

struct StoredRevision {
  RevisionInfo info;
  std::string markdown;
  std::string html;
  std::string plain_text;
  std::string meta;  // see revision_meta.h
};

std::optional<PageRow> find_page(db::Connection& c, std::int64_t edition_id, const Title& title);
std::optional<PageRow> page_by_id(db::Connection& c, std::int64_t page_id);
// Empty when no such revision exists in the edition.
std::optional<StoredRevision> load_revision(db::Connection& c, std::int64_t edition_id,
                                            std::int64_t revision_id);
// True when readers see a page of this title.
bool page_visible(db::Connection& c, std::int64_t edition_id, const Title& title);
// page_visible for each of `titles`, in their order, in one query.
std::vector<bool> pages_visible(db::Connection& c, std::int64_t edition_id,
                                const std::vector<Title>& titles);

// The columns of RevisionInfo, for the list queries: "r.id, r.parent_id, ..." selected in this
// order by every query that fills a RevisionInfo with read_revision_info, from `revision r` joined
// with `page p`. The next column is number kRevisionInfoColumnCount (0-based).
extern const char* const kRevisionInfoColumns;
inline constexpr int kRevisionInfoColumnCount = 14;
RevisionInfo read_revision_info(const db::Query& st, int first_column);

}  // namespace kidwiki::engine

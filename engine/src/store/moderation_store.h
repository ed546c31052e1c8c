// Reading and writing what moderators and admins set on the wiki's content: page protection,
// deleted pages, hidden revisions, and the editions' word lists. Free functions over a
// connection, like page_store.h; writes run inside the caller's transaction on the writer.
// Reports are report_store.h; the audit log is audit_log.h.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "engine/moderation.h"
#include "engine/title.h"
#include "store/database.h"

namespace kidwiki::engine {

// The protection of the page of `title` in the edition, deleted or not; none when there is no
// such page.
Protection page_protection(db::Connection& c, std::int64_t edition_id, const Title& title);
void set_page_protection(db::Connection& c, std::int64_t page_id, Protection level);

// Marks the page deleted now, or no longer deleted. Changes nothing else (see
// page_writer.h for what readers see).
void mark_page_deleted(db::Connection& c, std::int64_t page_id, bool deleted);
// The titles of the edition's deleted pages, the most recently deleted first.
std::vector<Title> deleted_page_titles(db::Connection& c, std::int64_t edition_id);

void mark_revision_hidden(db::Connection& c, std::int64_t revision_id, bool hidden);
// The page's newest revision that is not hidden; with `approved_only`, its newest approved one.
std::optional<std::int64_t> newest_shown_revision(db::Connection& c, std::int64_t page_id,
                                                  bool approved_only);
// How many of the page's revisions are not hidden; with `approved_only`, approved ones only.
std::int64_t shown_revision_count(db::Connection& c, std::int64_t page_id, bool approved_only);
// The revision's meta column (revision_meta.h); "" when there is no such revision.
std::string stored_revision_meta(db::Connection& c, std::int64_t revision_id);

// The word list an admin saved for the edition; empty when none was (the built-in one applies).
std::optional<std::string> saved_filter_list(db::Connection& c, std::int64_t edition_id);
// Stores the edition's word list, replacing the one saved before, as saved now by `updated_by`.
void save_filter_list(db::Connection& c, std::int64_t edition_id, std::string_view text,
                      std::optional<std::int64_t> updated_by);

}  // namespace kidwiki::engine

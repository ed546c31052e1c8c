// The source revisions already imported (table imported_revision, docs/schema.md). Runs inside
// the caller's transaction on the writer connection.
#pragma once

#include <cstdint>
#include <optional>
#include <string_view>

#include "store/database.h"

namespace kidwiki::engine {

// The revision `source_id` of `source` became in `edition_id`; empty when never imported.
std::optional<std::int64_t> imported_as(db::Connection& c, std::int64_t edition_id,
                                        std::string_view source, std::string_view source_id);
void record_import(db::Connection& c, std::int64_t edition_id, std::string_view source,
                   std::string_view source_id, std::int64_t revision_id);

}  // namespace kidwiki::engine

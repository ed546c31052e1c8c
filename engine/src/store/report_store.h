// Reading and writing readers' reports. Free functions over a connection, like page_store.h;
// writes run inside the caller's transaction on the writer. Each read finishes its statement
// before returning, so the writer holds none open into its transaction.
#pragma once

#include <cstdint>
#include <optional>
#include <vector>

#include "engine/moderation.h"
#include "store/database.h"

namespace kidwiki::engine {

// Adds an open report on `page_id`; returns its id. `report.id`, `lang`, `title` and
// `reporter_name` are ignored.
std::int64_t insert_report(db::Connection& c, std::int64_t page_id, const Report& report);
// The report, open or resolved.
std::optional<Report> find_report_row(db::Connection& c, std::int64_t report_id);
// The report while it is open; empty once resolved.
std::optional<Report> find_open_report(db::Connection& c, std::int64_t report_id);
// At most `limit` open reports, oldest first.
std::vector<Report> open_report_rows(db::Connection& c, int limit);
// Closes the report, resolved now by `resolved_by` (empty: the console).
void mark_report_resolved(db::Connection& c, std::int64_t report_id,
                          std::optional<std::int64_t> resolved_by);

}  // namespace kidwiki::engine

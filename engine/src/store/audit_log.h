// Writing and reading the audit log. Every moderation and account action appends its entry inside
// the same transaction as the change itself, so the log never misses an action nor records one
// that did not happen.
#pragma once

#include <cstdint>
#include <optional>
#include <vector>

#include "store/database.h"
#include "engine/moderation.h"

namespace kidwiki::engine {

// Precondition: the caller holds the writer lock and has a transaction open on `writer`.
// `entry.id`, `entry.at` and `entry.actor_name` are ignored (the time is now; the name is joined
// from the user table when the log is read).
void append_audit(db::Connection& writer, const AuditEntry& entry);

// At most `limit` entries, newest first, with their actor's name ("" for the console): those
// below the id `before` (empty: from the newest), of the class `class_id` only (empty: of
// everything).
std::vector<AuditEntry> audit_entries(db::Connection& c, std::optional<std::int64_t> before,
                                      std::optional<std::int64_t> class_id, int limit);

}  // namespace kidwiki::engine

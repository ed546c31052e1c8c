// Writing the audit log. Every moderation and account action appends its entry inside the same
// transaction as the change itself, so the log never misses an action nor records one that did
// not happen.
#pragma once

#include "store/database.h"
#include "engine/moderation.h"

namespace kidwiki::engine {

// Precondition: the caller holds the writer lock and has a transaction open on `writer`.
// `entry.id`, `entry.at` and `entry.actor_name` are ignored (the time is now; the name is joined
// from the user table when the log is read).
void append_audit(db::Connection& writer, const AuditEntry& entry);

}  // namespace kidwiki::engine

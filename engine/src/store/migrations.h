// The database schema, as numbered migrations applied in order at start-up and recorded in the
// table schema_migration. A migration is never edited once released: add a new one.
// docs/schema.md describes the resulting tables.
#pragma once

#include "store/database.h"

namespace kidwiki::engine {

// Applies every migration newer than the database's version, each in its own transaction.
// Throws db::StorageError when the database cannot be upgraded, and when it was written by a
// newer kidwiki (its version is above the newest migration known here).
void apply_migrations(db::Connection& writer);

// The version a fully migrated database reports.
int latest_schema_version();

}  // namespace kidwiki::engine

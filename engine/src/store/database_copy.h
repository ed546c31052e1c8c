// A copy of the database file as it was at one moment, made while another process (the running
// server) goes on writing to it, and the facts a backup's manifest records about a copy.
#pragma once

#include <cstdint>
#include <filesystem>
#include <functional>
#include <optional>

namespace kidwiki::engine::db {

// What a database holds, for a backup's manifest and for checking a restored copy against it.
struct DatabaseFacts {
  int schema_version = 0;  // the newest migration applied (schema_migration)
  std::int64_t pages = 0;
  std::int64_t revisions = 0;
};

// Copies the database `source` into the new file `target` with SQLite's online backup API, a few
// hundred pages per step, calling `on_pages(done, total)` after each step and `stop()` before it.
// Returns the copy's facts, or nothing when stop() said so (the caller deletes `target`).
// The copy is one moment of the source: see the .cpp. It is left in rollback-journal mode (a
// single file, nothing beside it); kidwiki turns WAL on again when it opens it.
// Throws StorageError (the source cannot be read, the target cannot be written: disk full).
std::optional<DatabaseFacts> copy_database(const std::filesystem::path& source,
                                           const std::filesystem::path& target,
                                           const std::function<void(int done, int total)>& on_pages,
                                           const std::function<bool()>& stop);

// The facts of a database file, read through a read-only connection. Throws StorageError, also
// when the file is not a kidwiki database.
DatabaseFacts database_facts(const std::filesystem::path& file);

}  // namespace kidwiki::engine::db

// The single writer connection and its settings. Readers are the ReaderPool's (reader_pool.h).
#pragma once

#include <filesystem>
#include <memory>

#include "store/database.h"

namespace kidwiki::engine {

// Opens (creating it when needed) the database file for writing, in WAL mode with
// synchronous=FULL and foreign keys on. `max_database_pages` > 0 caps the file's size in pages
// (Options::max_database_pages). Throws StorageError.
std::unique_ptr<db::Connection> open_writer_connection(const std::filesystem::path& file,
                                                       long max_database_pages);

}  // namespace kidwiki::engine

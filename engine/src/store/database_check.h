// Whether a database file is sound: SQLite's integrity check, without the false reports that
// Debian 12's SQLite 3.40 makes on WITHOUT ROWID tables.
#pragma once

#include <filesystem>
#include <string>
#include <vector>

namespace kidwiki::engine::db {

class Connection;

// The problems `PRAGMA integrity_check` finds in the database, every one of them (not only the
// first hundred), except its known false report: SQLite 3.40 reads the wrong column when it
// checks a NOT NULL column of a WITHOUT ROWID table that is not part of the primary key, and says
// "NULL value in page_link.edition_id" for rows whose value is there. Such a line is dropped only
// when the table is WITHOUT ROWID and a plain query finds no NULL in that column; any other line,
// or a NULL the query does find, is a problem. Empty: the database is sound.
// Throws StorageError when the file is not a database at all.
std::vector<std::string> database_problems(Connection& connection);

}  // namespace kidwiki::engine::db

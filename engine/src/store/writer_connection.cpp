#include "store/writer_connection.h"

#include <string>

#include "store/process_write_lock.h"

namespace kidwiki::engine {

std::unique_ptr<db::Connection> open_writer_connection(const std::filesystem::path& file,
                                                       long max_database_pages) {
  auto c = std::make_unique<db::Connection>(file, db::Connection::Mode::read_write);
  c->set_write_lock(std::make_unique<db::ProcessWriteLock>(file.string() + ".write-lock"));
  // WAL lets readers run beside the writer; synchronous=FULL makes every acknowledged commit
  // survive a crash or power cut, not only a process kill.
  c->exec("PRAGMA journal_mode = WAL");
  c->exec("PRAGMA synchronous = FULL");
  c->exec("PRAGMA foreign_keys = ON");
  if (max_database_pages > 0) {
    c->exec("PRAGMA max_page_count = " + std::to_string(max_database_pages));
  }
  return c;
}

}  // namespace kidwiki::engine

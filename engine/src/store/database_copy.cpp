#include "store/database_copy.h"

#include <sqlite3.h>

#include <chrono>
#include <thread>

#include "store/database.h"

namespace kidwiki::engine::db {
namespace {

// Pages per step: about 1 MiB of 4 KiB pages, so progress moves and stop() is heard quickly.
constexpr int kPagesPerStep = 256;

DatabaseFacts facts_of(Connection& connection) {
  DatabaseFacts facts;
  auto version = connection.prepare("SELECT COALESCE(MAX(version), 0) FROM schema_migration");
  version.step();
  facts.schema_version = static_cast<int>(version.int64(0));
  auto pages = connection.prepare("SELECT COUNT(*) FROM page");
  pages.step();
  facts.pages = pages.int64(0);
  auto revisions = connection.prepare("SELECT COUNT(*) FROM revision");
  revisions.step();
  facts.revisions = revisions.int64(0);
  return facts;
}

// Invariant: while the read transaction opened here lasts, every step of the backup reads the
// same snapshot. SQLite restarts an online backup from the first page when another connection
// writes the source between two steps, because the source connection's page cache is then reset;
// with a read transaction held across the steps, the source connection in WAL mode keeps reading
// the snapshot it started with, nothing is reset, and the server's writes go on into the WAL
// beside it (they only wait to be checkpointed into the main file until the backup ends).
struct SnapshotRead {
  explicit SnapshotRead(Connection& c) : connection(c) {
    connection.exec("BEGIN");
    auto q = connection.prepare("SELECT COUNT(*) FROM sqlite_schema");
    q.step();  // a deferred BEGIN takes its snapshot at the first read
  }
  ~SnapshotRead() { sqlite3_exec(connection.handle(), "COMMIT", nullptr, nullptr, nullptr); }
  Connection& connection;
};

// Steps `backup` to the end. False when stop() asked to end first.
bool run_steps(sqlite3_backup* backup, sqlite3* target,
               const std::function<void(int, int)>& on_pages, const std::function<bool()>& stop) {
  for (;;) {
    if (stop && stop()) return false;
    int rc = sqlite3_backup_step(backup, kPagesPerStep);
    int total = sqlite3_backup_pagecount(backup);
    if (on_pages) on_pages(total - sqlite3_backup_remaining(backup), total);
    if (rc == SQLITE_DONE) return true;
    if (rc == SQLITE_BUSY || rc == SQLITE_LOCKED) {
      // A checkpoint of the server's holding a lock for a moment: try the same pages again.
      std::this_thread::sleep_for(std::chrono::milliseconds(20));
      continue;
    }
    if (rc != SQLITE_OK) throw StorageError(rc, std::string("backup: ") + sqlite3_errmsg(target));
  }
}

}  // namespace

std::optional<DatabaseFacts> copy_database(const std::filesystem::path& source,
                                           const std::filesystem::path& target,
                                           const std::function<void(int, int)>& on_pages,
                                           const std::function<bool()>& stop) {
  Connection from(source, Connection::Mode::read_only);
  Connection to(target, Connection::Mode::read_write);
  bool complete = false;
  {
    SnapshotRead snapshot(from);
    sqlite3_backup* backup = sqlite3_backup_init(to.handle(), "main", from.handle(), "main");
    if (!backup) throw StorageError(0, std::string("backup: ") + sqlite3_errmsg(to.handle()));
    try {
      complete = run_steps(backup, to.handle(), on_pages, stop);
    } catch (...) {
      sqlite3_backup_finish(backup);
      throw;
    }
    int rc = sqlite3_backup_finish(backup);
    if (rc != SQLITE_OK)
      throw StorageError(rc, std::string("backup: ") + sqlite3_errmsg(to.handle()));
  }
  if (!complete) return std::nullopt;
  // One self-contained file: no -wal or -shm to carry beside it in the archive.
  to.exec("PRAGMA journal_mode = DELETE");
  return facts_of(to);
}

DatabaseFacts database_facts(const std::filesystem::path& file) {
  Connection connection(file, Connection::Mode::read_only);
  return facts_of(connection);
}

}  // namespace kidwiki::engine::db

#include "store/database.h"

#include <sqlite3.h>

#include "store/process_write_lock.h"

namespace kidwiki::engine::db {
namespace {

[[noreturn]] void fail(sqlite3* db, int code, std::string_view context) {
  throw StorageError(code, std::string(context) + ": " + (db ? sqlite3_errmsg(db) : sqlite3_errstr(code)));
}

}  // namespace

Statement::Statement(sqlite3* db, std::string_view sql, ProcessWriteLock* write_lock)
    : db_(db), write_lock_(write_lock) {
  int rc = sqlite3_prepare_v3(db, sql.data(), static_cast<int>(sql.size()), SQLITE_PREPARE_PERSISTENT,
                              &stmt_, nullptr);
  if (rc != SQLITE_OK) fail(db, rc, "prepare");
}

Statement::~Statement() { sqlite3_finalize(stmt_); }

Statement& Statement::bind(int index, std::int64_t value) {
  sqlite3_bind_int64(stmt_, index, value);
  return *this;
}

Statement& Statement::bind(int index, std::string_view value) {
  sqlite3_bind_text(stmt_, index, value.data(), static_cast<int>(value.size()), SQLITE_TRANSIENT);
  return *this;
}

Statement& Statement::bind(int index, std::optional<std::int64_t> value) {
  return value ? bind(index, *value) : bind_null(index);
}

Statement& Statement::bind_null(int index) {
  sqlite3_bind_null(stmt_, index);
  return *this;
}

bool Statement::step() {
  // A write outside a transaction commits (and may checkpoint) within this step.
  const bool commits = write_lock_ && sqlite3_get_autocommit(db_) && !sqlite3_stmt_readonly(stmt_);
  WriteLockGuard guard(commits ? write_lock_ : nullptr);
  int rc = sqlite3_step(stmt_);
  if (rc == SQLITE_ROW) return true;
  if (rc == SQLITE_DONE) return false;
  fail(db_, rc, "step");
}

void Statement::run() {
  while (step()) {
  }
}

void Statement::reset() {
  sqlite3_reset(stmt_);
  sqlite3_clear_bindings(stmt_);
}

std::int64_t Statement::int64(int column) const { return sqlite3_column_int64(stmt_, column); }

std::optional<std::int64_t> Statement::optional_int64(int column) const {
  if (sqlite3_column_type(stmt_, column) == SQLITE_NULL) return std::nullopt;
  return sqlite3_column_int64(stmt_, column);
}

std::string Statement::text(int column) const {
  auto* p = reinterpret_cast<const char*>(sqlite3_column_text(stmt_, column));
  return p ? std::string(p, static_cast<std::size_t>(sqlite3_column_bytes(stmt_, column))) : "";
}

Connection::Connection(const std::filesystem::path& file, Mode mode) {
  int flags = mode == Mode::read_write ? SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE
                                       : SQLITE_OPEN_READONLY;
  flags |= SQLITE_OPEN_NOMUTEX;  // Invariant: one thread uses a connection at a time.
  int rc = sqlite3_open_v2(file.c_str(), &db_, flags, nullptr);
  if (rc != SQLITE_OK) {
    std::string message = db_ ? sqlite3_errmsg(db_) : sqlite3_errstr(rc);
    sqlite3_close(db_);
    throw StorageError(rc, "open " + file.string() + ": " + message);
  }
  sqlite3_extended_result_codes(db_, 1);
  // Why a busy timeout at all with a single writer: a reader may meet a checkpoint in progress.
  sqlite3_busy_timeout(db_, 5000);
}

Connection::~Connection() {
  cache_.clear();  // Statements must be finalized before the connection closes.
  sqlite3_close(db_);
}

Query Connection::prepare(std::string_view sql) {
  auto it = cache_.find(sql);
  if (it == cache_.end()) {
    it = cache_.emplace(std::string(sql), std::make_unique<Statement>(db_, sql, write_lock_.get())).first;
  }
  return Query(*it->second);
}

void Connection::exec(std::string_view sql) {
  WriteLockGuard guard(sqlite3_get_autocommit(db_) ? write_lock_.get() : nullptr);
  char* error = nullptr;
  int rc = sqlite3_exec(db_, std::string(sql).c_str(), nullptr, nullptr, &error);
  if (rc != SQLITE_OK) {
    std::string message = error ? error : sqlite3_errstr(rc);
    sqlite3_free(error);
    throw StorageError(rc, "exec: " + message);
  }
}

std::int64_t Connection::last_insert_id() const { return sqlite3_last_insert_rowid(db_); }

bool Connection::in_transaction() const { return sqlite3_get_autocommit(db_) == 0; }

void Connection::set_write_lock(std::unique_ptr<ProcessWriteLock> lock) {
  write_lock_ = std::move(lock);
}

std::int64_t Connection::data_version() {
  auto st = prepare("PRAGMA data_version");
  st.step();
  return st.int64(0);
}

// The process lock is held from BEGIN to COMMIT or ROLLBACK (the commit may checkpoint).
Transaction::Transaction(Connection& connection) : connection_(connection) {
  if (auto* lock = connection_.write_lock()) lock->lock();
  try {
    connection_.exec("BEGIN IMMEDIATE");
  } catch (...) {
    if (auto* lock = connection_.write_lock()) lock->unlock();
    throw;
  }
}

Transaction::~Transaction() {
  if (!done_) {
    try {
      connection_.exec("ROLLBACK");
    } catch (const StorageError&) {
      // SQLite has already rolled back after some errors (SQLITE_FULL): nothing is left to undo.
    }
  }
  if (auto* lock = connection_.write_lock()) lock->unlock();
}

void Transaction::commit() {
  connection_.exec("COMMIT");
  done_ = true;
}

}  // namespace kidwiki::engine::db

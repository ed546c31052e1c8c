// A thin, typed layer over SQLite: connections with cached prepared statements, and transactions.
// SQLite failures become StorageError exceptions inside the engine; the Wiki methods turn them
// into Result values at the module's edge, so no SQLite code or constant leaves engine/.
#pragma once

#include <cstdint>
#include <filesystem>
#include <map>
#include <memory>
#include <optional>
#include <stdexcept>
#include <string>
#include <string_view>
#include <utility>

struct sqlite3;
struct sqlite3_stmt;

namespace kidwiki::engine::db {

class StorageError : public std::runtime_error {
 public:
  StorageError(int code, const std::string& what) : std::runtime_error(what), code_(code) {}
  int code() const { return code_; }

 private:
  int code_;
};

class ProcessWriteLock;  // process_write_lock.h

class Statement {
 public:
  // `write_lock`: the writer connection's, taken around a write that commits on its own.
  Statement(sqlite3* db, std::string_view sql, ProcessWriteLock* write_lock = nullptr);
  ~Statement();
  Statement(const Statement&) = delete;
  Statement& operator=(const Statement&) = delete;

  // Binds by 1-based index. Text is copied by SQLite.
  Statement& bind(int index, std::int64_t value);
  Statement& bind(int index, std::string_view value);
  Statement& bind(int index, std::optional<std::int64_t> value);
  Statement& bind_null(int index);

  // True while a row is available; false when done. Throws StorageError on failure.
  bool step();
  // Runs a statement that returns no rows.
  void run();
  // Clears bindings and rewinds; called automatically by the Connection before reuse.
  void reset();

  std::int64_t int64(int column) const;
  std::optional<std::int64_t> optional_int64(int column) const;
  std::string text(int column) const;

 private:
  sqlite3* db_;
  sqlite3_stmt* stmt_ = nullptr;
  ProcessWriteLock* write_lock_;
};

// A prepared statement in use: resets it when it goes out of scope. Why: a statement left
// mid-result keeps its read transaction open, and the connection would go on reading an old
// snapshot of the database.
class Query {
 public:
  explicit Query(Statement& s) : s_(&s) {}
  ~Query() { s_->reset(); }
  Query(const Query&) = delete;
  Query& operator=(const Query&) = delete;

  template <class T>
  Query& bind(int index, T&& value) {
    s_->bind(index, std::forward<T>(value));
    return *this;
  }
  Query& bind_null(int index) {
    s_->bind_null(index);
    return *this;
  }
  bool step() { return s_->step(); }
  void run() { s_->run(); }
  std::int64_t int64(int column) const { return s_->int64(column); }
  std::optional<std::int64_t> optional_int64(int column) const { return s_->optional_int64(column); }
  std::string text(int column) const { return s_->text(column); }
  const Statement& statement() const { return *s_; }

 private:
  Statement* s_;
};

class Connection {
 public:
  enum class Mode { read_write, read_only };
  // Opens (creating when read_write) the database file. Throws StorageError.
  Connection(const std::filesystem::path& file, Mode mode);
  ~Connection();
  Connection(const Connection&) = delete;
  Connection& operator=(const Connection&) = delete;

  // A prepared statement for `sql`, compiled once per connection. At most one Query per sql
  // text may be alive at a time on a connection.
  Query prepare(std::string_view sql);
  // Runs one or more statements without results (schema, pragmas).
  void exec(std::string_view sql);
  std::int64_t last_insert_id() const;
  // False once SQLite has rolled a failed transaction back by itself (after SQLITE_FULL, say).
  bool in_transaction() const;
  sqlite3* handle() { return db_; }
  // Makes this the writer connection: every transaction and every write that commits on its own
  // holds `lock` (process_write_lock.h). Set once, before the first prepare().
  void set_write_lock(std::unique_ptr<ProcessWriteLock> lock);
  ProcessWriteLock* write_lock() const { return write_lock_.get(); }
  // A number that changes when another connection (another process, for the writer) commits.
  std::int64_t data_version();

 private:
  sqlite3* db_ = nullptr;
  std::unique_ptr<ProcessWriteLock> write_lock_;  // before cache_: statements point at it
  std::map<std::string, std::unique_ptr<Statement>, std::less<>> cache_;
};

// BEGIN IMMEDIATE ... COMMIT; rolled back when destroyed without commit().
class Transaction {
 public:
  explicit Transaction(Connection& connection);
  ~Transaction();
  void commit();

 private:
  Connection& connection_;
  bool done_ = false;
};

}  // namespace kidwiki::engine::db

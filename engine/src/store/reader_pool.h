// Read-only connections shared by the threads that serve page views. Readers never write or
// checkpoint: SQLite 3.40 can corrupt a WAL when two connections write or checkpoint at once,
// so only the single writer connection does either.
#pragma once

#include <condition_variable>
#include <filesystem>
#include <memory>
#include <mutex>
#include <vector>

#include "store/database.h"

namespace kidwiki::engine {

class ReaderPool {
 public:
  ReaderPool(std::filesystem::path file, int size);

  // A connection for the lifetime of the lease; waits while all are in use.
  class Lease {
   public:
    Lease(ReaderPool& pool, std::unique_ptr<db::Connection> c) : pool_(pool), c_(std::move(c)) {}
    ~Lease() { pool_.give_back(std::move(c_)); }
    Lease(const Lease&) = delete;
    Lease& operator=(const Lease&) = delete;
    db::Connection& operator*() { return *c_; }
    db::Connection* operator->() { return c_.get(); }

   private:
    ReaderPool& pool_;
    std::unique_ptr<db::Connection> c_;
  };

  Lease lease();

 private:
  void give_back(std::unique_ptr<db::Connection> c);

  std::filesystem::path file_;
  std::mutex mutex_;
  std::condition_variable available_;
  std::vector<std::unique_ptr<db::Connection>> idle_;
};

}  // namespace kidwiki::engine

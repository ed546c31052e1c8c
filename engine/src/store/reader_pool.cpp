#include "store/reader_pool.h"

namespace kidwiki::engine {

ReaderPool::ReaderPool(std::filesystem::path file, int size) : file_(std::move(file)) {
  for (int i = 0; i < size; ++i) {
    auto c = std::make_unique<db::Connection>(file_, db::Connection::Mode::read_only);
    c->exec("PRAGMA query_only = ON");
    idle_.push_back(std::move(c));
  }
}

ReaderPool::Lease ReaderPool::lease() {
  std::unique_lock lock(mutex_);
  available_.wait(lock, [&] { return !idle_.empty(); });
  auto c = std::move(idle_.back());
  idle_.pop_back();
  return Lease(*this, std::move(c));
}

void ReaderPool::give_back(std::unique_ptr<db::Connection> c) {
  {
    std::lock_guard lock(mutex_);
    idle_.push_back(std::move(c));
  }
  available_.notify_one();
}

}  // namespace kidwiki::engine

// Group commit: writes that wait together share one commit, and each still gets its own outcome:
// a write that fails is undone alone, a lost transaction fails every write it held, and nobody
// hears "written" for a row that is not in the database. No test here measures a duration: each
// holds the writer lock until the writes it needs are in line.
#include <doctest/doctest.h>
#include <sqlite3.h>

#include <atomic>
#include <filesystem>
#include <mutex>
#include <stdexcept>
#include <string>
#include <thread>
#include <vector>

#include "store/group_commit.h"
#include "store/writer_connection.h"
#include "wiki_fixture.h"

namespace kidwiki::engine {
namespace {

namespace fs = std::filesystem;

struct Db {
  fs::path dir;
  std::unique_ptr<db::Connection> c;
  std::mutex mutex;
  std::unique_ptr<GroupCommit> commits;
  int commit_count = 0;

  explicit Db(long max_pages = 0) {
    dir = testing::make_temp_dir();
    c = open_writer_connection(dir / "db.sqlite3", max_pages);
    c->exec("CREATE TABLE t (name TEXT PRIMARY KEY, body TEXT)");
    sqlite3_commit_hook(c->handle(), &Db::count_commit, this);
    commits = std::make_unique<GroupCommit>(mutex, *c);
  }
  ~Db() {
    c.reset();
    fs::remove_all(dir);
  }
  static int count_commit(void* self) {
    ++static_cast<Db*>(self)->commit_count;
    return 0;  // let it commit
  }
  void insert(const std::string& name, const std::string& body) {
    c->prepare("INSERT INTO t (name, body) VALUES (?, ?)").bind(1, name).bind(2, body).run();
  }
  // Read on a connection of its own, which sees only what is committed.
  bool has(const std::string& name) {
    db::Connection reader(dir / "db.sqlite3", db::Connection::Mode::read_only);
    auto q = reader.prepare("SELECT count(*) FROM t WHERE name = ?");
    q.bind(1, name);
    q.step();
    return q.int64(0) == 1;
  }
};

// Starts one thread per write, in order, holding the writer lock until all of them are in line.
struct Outcome {
  std::atomic<bool> threw{false};
  std::string what;
};

void run_together(Db& db, const std::vector<std::function<void()>>& writes,
                  std::vector<Outcome>& outcomes) {
  std::vector<std::thread> threads;
  {
    std::lock_guard hold(db.mutex);
    for (std::size_t i = 0; i < writes.size(); ++i) {
      threads.emplace_back([&, i] {
        try {
          db.commits->run(writes[i]);
        } catch (const std::exception& e) {
          outcomes[i].what = e.what();
          outcomes[i].threw = true;
        }
      });
      while (db.commits->queued() != i + 1) std::this_thread::yield();  // in line in order
    }
  }
  for (auto& t : threads) t.join();
}

TEST_CASE("writes waiting together are committed once, and each one is written") {
  Db db;
  std::vector<std::function<void()>> writes;
  for (int i = 0; i < 20; ++i) {
    writes.push_back([&db, i] { db.insert("page " + std::to_string(i), "text"); });
  }
  std::vector<Outcome> outcomes(writes.size());
  run_together(db, writes, outcomes);
  CHECK(db.commit_count == 1);
  for (int i = 0; i < 20; ++i) {
    CHECK_FALSE(outcomes[static_cast<std::size_t>(i)].threw);
    CHECK(db.has("page " + std::to_string(i)));
  }
}

TEST_CASE("a write that fails is undone alone, and only its writer hears of it") {
  Db db;
  std::vector<std::function<void()>> writes = {
      [&] { db.insert("first", "a"); },
      [&] {
        db.insert("broken", "half written");
        throw std::runtime_error("a bug in the middle of a write");
      },
      [&] { db.insert("first", "the same name twice"); },  // a constraint fails in SQLite
      [&] { db.insert("last", "c"); },
  };
  std::vector<Outcome> outcomes(writes.size());
  run_together(db, writes, outcomes);
  CHECK_FALSE(outcomes[0].threw);
  CHECK(outcomes[1].threw);
  CHECK(outcomes[1].what == "a bug in the middle of a write");
  CHECK(outcomes[2].threw);
  CHECK_FALSE(outcomes[3].threw);
  CHECK(db.has("first"));
  CHECK_FALSE(db.has("broken"));
  CHECK(db.has("last"));
  CHECK(db.commit_count == 1);
}

TEST_CASE("a full disk fails only the write that does not fit") {
  Db db(/*max_pages=*/12);
  const std::string big(200'000, 'x');
  std::vector<std::function<void()>> writes;
  for (int i = 0; i < 8; ++i) {
    writes.push_back([&db, &big, i] { db.insert("row " + std::to_string(i), i == 3 ? big : "small"); });
  }
  std::vector<Outcome> outcomes(writes.size());
  run_together(db, writes, outcomes);
  CHECK(outcomes[3].threw);
  CHECK_FALSE(db.has("row 3"));
  // SQLite rolls the whole transaction back on a full disk: the other writes, undone with it,
  // are written again without it.
  for (int i = 0; i < 8; ++i) {
    if (i == 3) continue;
    CAPTURE(i);
    CHECK_FALSE(outcomes[static_cast<std::size_t>(i)].threw);
    CHECK(db.has("row " + std::to_string(i)));
  }
  // The writer goes on once the big write is gone.
  db.commits->run([&] { db.insert("after", "small"); });
  CHECK(db.has("after"));
}

TEST_CASE("many writers in turn: each returns only once its row is committed") {
  Db db;
  std::vector<std::thread> threads;
  std::atomic<int> missing{0};
  for (int t = 0; t < 8; ++t) {
    threads.emplace_back([&, t] {
      for (int i = 0; i < 50; ++i) {
        const std::string name = std::to_string(t) + "/" + std::to_string(i);
        db.commits->run([&] { db.insert(name, "x"); });
        if (!db.has(name)) ++missing;
      }
    });
  }
  for (auto& t : threads) t.join();
  CHECK(missing == 0);
  CHECK(db.commits->queued() == 0);
}

}  // namespace
}  // namespace kidwiki::engine

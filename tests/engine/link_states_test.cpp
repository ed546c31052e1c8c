// Link colours come from one statement for all of a text's targets, and its work follows the
// number of targets, never the number of pages in the edition: SQLite's planner once chose to scan
// every page for each target. The work is counted in SQLite's virtual-machine steps (a progress
// handler called at each one), not timed.
#include <doctest/doctest.h>
#include <sqlite3.h>

#include <filesystem>
#include <string>
#include <vector>

#include "store/migrations.h"
#include "store/page_store.h"
#include "store/page_writer.h"
#include "store/writer_connection.h"
#include "wiki_fixture.h"
#include "wiki/demo_content.h"

namespace kidwiki::engine {
namespace {

namespace fs = std::filesystem;

struct Edition1 {
  fs::path dir;
  std::unique_ptr<db::Connection> c;
  std::int64_t edition_id = 0;

  // `pages` pages named "Page N"; the even ones visible.
  explicit Edition1(int pages) {
    dir = testing::make_temp_dir();
    c = open_writer_connection(dir / "db.sqlite3", 0);
    apply_migrations(*c);
    seed_demo_editions(*c);
    auto first = c->prepare("SELECT min(id) FROM edition");
    REQUIRE(first.step());
    edition_id = first.int64(0);
    c->exec("PRAGMA foreign_keys = OFF");  // visible pages without writing their revisions
    db::Transaction tx(*c);
    for (int i = 0; i < pages; ++i) {
      const std::int64_t id = insert_page(*c, edition_id, Title{Namespace::article, "Page " + std::to_string(i)});
      if (i % 2 == 0) c->prepare("UPDATE page SET visible_revision_id = 1 WHERE id = ?").bind(1, id).run();
    }
    tx.commit();
  }
  ~Edition1() {
    c.reset();
    fs::remove_all(dir);
  }
};

int count_step(void* steps) {
  ++*static_cast<long*>(steps);
  return 0;
}

// The link states of 40 targets (half of them missing pages), and the steps SQLite took.
long steps_for_links(Edition1& e, std::vector<bool>& states) {
  std::vector<Title> targets;
  for (int i = 0; i < 20; ++i) targets.push_back(Title{Namespace::article, "Page " + std::to_string(i)});
  for (int i = 0; i < 20; ++i) targets.push_back(Title{Namespace::article, "Missing " + std::to_string(i)});
  long steps = 0;
  sqlite3_progress_handler(e.c->handle(), 1, &count_step, &steps);
  states = pages_visible(*e.c, e.edition_id, targets);
  sqlite3_progress_handler(e.c->handle(), 0, nullptr, nullptr);
  return steps;
}

TEST_CASE("link states: right for each target, and as much work among 20 pages as among 5,000") {
  Edition1 small(20), large(5000);
  std::vector<bool> in_small, in_large;
  const long small_steps = steps_for_links(small, in_small);
  const long large_steps = steps_for_links(large, in_large);
  for (std::size_t i = 0; i < 40; ++i) {
    CAPTURE(i);
    CHECK(in_small[i] == (i < 20 && i % 2 == 0));
    CHECK(in_large[i] == in_small[i]);
  }
  // A B-tree one or two levels deeper costs a few steps per target; a scan of the pages, 250 times
  // more.
  CHECK(large_steps < small_steps * 2);
}

}  // namespace
}  // namespace kidwiki::engine

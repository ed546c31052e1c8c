// The save path's queries do work that follows the page being saved, never the size of the wiki:
// SQLite's planner once scanned every page of the edition for each link target, and every pending
// revision of the wiki for the pending line of one page. The work is counted in SQLite's
// virtual-machine steps (a progress handler called at each one), not timed.
#include <doctest/doctest.h>
#include <sqlite3.h>

#include <filesystem>
#include <string>
#include <vector>

#include "store/migrations.h"
#include "store/page_store.h"
#include "store/page_writer.h"
#include "store/review_store.h"
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

  // `pages` pages named "Page N", the even ones visible; `pending` pending revisions spread over
  // the pages other than page 1.
  explicit Edition1(int pages, int pending = 0) {
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
      ids.push_back(id);
    }
    for (int i = 0; i < pending; ++i) {
      const std::int64_t page_id = ids[1 + static_cast<std::size_t>(i) % (ids.size() - 1)];
      insert_revision_row(page_id, "pending", std::string(5000, 'x'));  // long rows, as articles are
    }
    head = insert_revision_row(ids[0], "pending", "the head");
    tx.commit();
  }
  std::int64_t insert_revision_row(std::int64_t page_id, const char* state, const std::string& text) {
    c->prepare("INSERT INTO revision (page_id, author, created_at, summary, size, markdown, html,"
               " plain_text, meta, review_state) VALUES (?, 'someone', '2026-12-04T00:00:00Z', '',"
               " 0, ?, ?, ?, '{}', ?)")
        .bind(1, page_id).bind(2, text).bind(3, text).bind(4, text).bind(5, std::string_view(state)).run();
    return c->last_insert_id();
  }
  std::vector<std::int64_t> ids;
  std::int64_t head = 0;  // a pending revision of the first page

  ~Edition1() {
    c.reset();
    fs::remove_all(dir);
  }
};

int count_step(void* steps) {
  ++*static_cast<long*>(steps);
  return 0;
}

// Runs `body` and returns the steps SQLite took meanwhile on `e`'s connection.
template <class F>
long count_steps(Edition1& e, F body) {
  long steps = 0;
  sqlite3_progress_handler(e.c->handle(), 1, &count_step, &steps);
  body();
  sqlite3_progress_handler(e.c->handle(), 0, nullptr, nullptr);
  return steps;
}

// The link states of 40 targets (half of them missing pages), and the steps SQLite took.
long steps_for_links(Edition1& e, std::vector<bool>& states) {
  std::vector<Title> targets;
  for (int i = 0; i < 20; ++i) targets.push_back(Title{Namespace::article, "Page " + std::to_string(i)});
  for (int i = 0; i < 20; ++i) targets.push_back(Title{Namespace::article, "Missing " + std::to_string(i)});
  return count_steps(e, [&] { states = pages_visible(*e.c, e.edition_id, targets); });
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

TEST_CASE("a page's pending line: as much work beside 10 pending revisions as beside 3,000") {
  Edition1 few(50, 10), many(50, 3000);
  auto line_of = [](Edition1& e, std::vector<PendingRow>& line) {
    RevisionInfo head;
    head.id = e.head;
    head.page_id = e.ids[0];
    return count_steps(e, [&] { line = pending_line(*e.c, head); });
  };
  std::vector<PendingRow> in_few, in_many;
  const long few_steps = line_of(few, in_few);
  const long many_steps = line_of(many, in_many);
  REQUIRE(in_few.size() == 1);
  CHECK(in_few[0].id == few.head);
  REQUIRE(in_many.size() == 1);
  CHECK(in_many[0].id == many.head);
  CHECK(many_steps < few_steps * 2);
}

}  // namespace
}  // namespace kidwiki::engine

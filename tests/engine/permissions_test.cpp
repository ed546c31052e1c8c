// The roles table: docs/moderation.md prints it, so this test keeps the page and the code equal.
#include <doctest/doctest.h>

#include <fstream>
#include <map>
#include <sstream>
#include <string>
#include <vector>

#include "engine/permissions.h"

using namespace kidwiki::engine;

namespace {

// "| `edit`: ... | no | yes | ..." -> {"edit", {false, true, ...}}; other lines are skipped.
std::map<std::string, std::vector<bool>> table_of(const std::string& path) {
  std::ifstream in(path);
  REQUIRE(in);
  std::map<std::string, std::vector<bool>> rows;
  for (std::string line; std::getline(in, line);) {
    if (!line.starts_with("| `")) continue;
    const auto name_end = line.find('`', 3);
    std::vector<bool> cells;
    std::stringstream rest(line.substr(line.find('|', name_end) + 1));
    for (std::string cell; std::getline(rest, cell, '|');) {
      if (cell.find("yes") != std::string::npos) cells.push_back(true);
      if (cell.find("no") != std::string::npos) cells.push_back(false);
    }
    rows[line.substr(3, name_end - 3)] = cells;
  }
  return rows;
}

}  // namespace

TEST_CASE("docs/moderation.md shows exactly the permissions table of the code") {
  const auto rows = table_of(std::string(KIDWIKI_DOCS_DIR) + "/moderation.md");
  CHECK(rows.size() == std::size(kAllActions));
  for (Action action : kAllActions) {
    const std::string name(action_name(action));
    CAPTURE(name);
    REQUIRE(rows.count(name) == 1);
    const auto& cells = rows.at(name);
    REQUIRE(cells.size() == std::size(kAllWho));
    for (std::size_t i = 0; i < cells.size(); ++i) {
      CAPTURE(who_name(kAllWho[i]));
      CHECK(cells[i] == allowed(kAllWho[i], action));
    }
  }
}

TEST_CASE("who_is places an account in its column") {
  struct Row {
    Role role;
    bool trusted;
    Who who;
  };
  const Row rows[] = {{Role::pupil, false, Who::pupil},
                      {Role::pupil, true, Who::trusted_pupil},
                      {Role::teacher, false, Who::teacher},
                      {Role::teacher, true, Who::teacher},  // "trusted" is a pupil's flag
                      {Role::moderator, false, Who::moderator},
                      {Role::admin, false, Who::admin}};
  for (const auto& row : rows) {
    User user;
    user.role = row.role;
    user.trusted = row.trusted;
    CHECK(who_is(user) == row.who);
  }
  CHECK(who_is(std::nullopt) == Who::reader);
}

TEST_CASE("a reader reads and reports, and nothing more") {
  for (Action action : kAllActions) {
    CAPTURE(action_name(action));
    const bool expected = action == Action::read || action == Action::report_page;
    CHECK(allowed(Who::reader, action) == expected);
  }
}

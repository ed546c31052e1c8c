#include "store/database_check.h"

#include <optional>
#include <regex>

#include "store/database.h"

namespace kidwiki::engine::db {
namespace {

// The table and column of an integrity check line "NULL value in TABLE.COLUMN".
struct NullReport {
  std::string table;
  std::string column;
};

std::optional<NullReport> null_report(const std::string& line) {
  static const std::regex pattern(
      R"(^NULL value in ([A-Za-z_][A-Za-z0-9_]*)\.([A-Za-z_][A-Za-z0-9_]*)$)");
  std::smatch match;
  if (!std::regex_match(line, match, pattern)) return std::nullopt;
  return NullReport{match[1], match[2]};
}

bool without_rowid_column(Connection& connection, const NullReport& report) {
  auto q = connection.prepare(
      "SELECT 1 FROM pragma_table_list AS t JOIN pragma_table_info(t.name) AS c"
      " WHERE t.schema = 'main' AND t.type = 'table' AND t.wr = 1 AND t.name = ? AND c.name = ?");
  q.bind(1, std::string_view(report.table)).bind(2, std::string_view(report.column));
  return q.step();
}

// Invariant: the names were matched by null_report's pattern (letters, digits, underscores) and
// found in the schema by without_rowid_column, so quoting them is enough to build the query.
// typeof(), not IS NULL: SQLite folds "C IS NULL" to false for a column declared NOT NULL, and
// would never see the NULL a damaged file holds.
bool column_has_null(Connection& connection, const NullReport& report) {
  auto q = connection.prepare("SELECT EXISTS (SELECT 1 FROM \"" + report.table +
                              "\" WHERE typeof(\"" + report.column + "\") = 'null')");
  q.step();
  return q.int64(0) != 0;
}

bool known_false_report(Connection& connection, const std::string& line) {
  auto report = null_report(line);
  return report && without_rowid_column(connection, *report) &&
         !column_has_null(connection, *report);
}

}  // namespace

std::vector<std::string> database_problems(Connection& connection) {
  std::vector<std::string> problems;
  // Every line, not the default first hundred: a hundred false reports must not hide a real one.
  auto check = connection.prepare("PRAGMA integrity_check(1000000000)");
  while (check.step()) {
    std::string line = check.text(0);
    if (line != "ok" && !known_false_report(connection, line)) problems.push_back(line);
  }
  return problems;
}

}  // namespace kidwiki::engine::db

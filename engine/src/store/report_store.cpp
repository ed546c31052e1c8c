#include "store/report_store.h"

#include <string>

#include "store/clock.h"

namespace kidwiki::engine {
namespace {

constexpr const char* kReportColumns =
    "SELECT r.id, e.lang, p.ns, p.title, r.revision_id, r.reason, r.reporter_id, r.created_at,"
    " COALESCE(u.name, '') FROM report r JOIN page p ON p.id = r.page_id"
    " JOIN edition e ON e.id = p.edition_id LEFT JOIN user u ON u.id = r.reporter_id ";

Report read_report(const db::Query& st) {
  Report r;
  r.id = st.int64(0);
  r.lang = st.text(1);
  r.title = Title{static_cast<Namespace>(st.int64(2)), st.text(3)};
  r.revision_id = st.optional_int64(4);
  r.reason = st.text(5);
  r.reporter_id = st.optional_int64(6);
  r.created_at = st.text(7);
  r.reporter_name = st.text(8);
  return r;
}

}  // namespace

std::int64_t insert_report(db::Connection& c, std::int64_t page_id, const Report& report) {
  c.prepare(
       "INSERT INTO report (page_id, revision_id, reason, reporter_id, created_at)"
       " VALUES (?, ?, ?, ?, ?)")
      .bind(1, page_id)
      .bind(2, report.revision_id)
      .bind(3, report.reason)
      .bind(4, report.reporter_id)
      .bind(5, report.created_at)
      .run();
  return c.last_insert_id();
}

std::optional<Report> find_report_row(db::Connection& c, std::int64_t report_id) {
  auto st = c.prepare(std::string(kReportColumns) + "WHERE r.id = ?");
  st.bind(1, report_id);
  if (!st.step()) return std::nullopt;
  return read_report(st);
}

std::optional<Report> find_open_report(db::Connection& c, std::int64_t report_id) {
  auto st = c.prepare(std::string(kReportColumns) + "WHERE r.id = ? AND r.resolved_at IS NULL");
  st.bind(1, report_id);
  if (!st.step()) return std::nullopt;
  return read_report(st);
}

std::vector<Report> open_report_rows(db::Connection& c, int limit) {
  auto st =
      c.prepare(std::string(kReportColumns) + "WHERE r.resolved_at IS NULL ORDER BY r.id LIMIT ?");
  st.bind(1, std::int64_t{limit});
  std::vector<Report> reports;
  while (st.step()) reports.push_back(read_report(st));
  return reports;
}

void mark_report_resolved(db::Connection& c, std::int64_t report_id,
                          std::optional<std::int64_t> resolved_by) {
  c.prepare("UPDATE report SET resolved_by = ?, resolved_at = ? WHERE id = ?")
      .bind(1, resolved_by)
      .bind(2, now_iso8601())
      .bind(3, report_id)
      .run();
}

}  // namespace kidwiki::engine

// Readers' reports: anyone may flag a page; moderators work through the open ones.
#include "store/audit_log.h"
#include "store/clock.h"
#include "moderation/moderation_impl.h"
#include "policy/require.h"
#include "store/storage_guard.h"

namespace kidwiki::engine {
using namespace safety;
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

// Read to the end before returning, so the writer holds no statement open into its transaction.
std::optional<Report> open_report_on(db::Connection& c, std::int64_t report_id) {
  auto st = c.prepare(std::string(kReportColumns) + "WHERE r.id = ? AND r.resolved_at IS NULL");
  st.bind(1, report_id);
  if (!st.step()) return std::nullopt;
  return read_report(st);
}

}  // namespace

Result<Report> ModerationImpl::report(const Actor& actor, const Edition& ed, const Title& title,
                                      std::string_view reason) {
  if (actor.block()) return make_error(ErrorCode::forbidden, "moderation-error-blocked");
  if (auto refused = policy::require(actor, Action::report_page); !refused) return refused.error();
  if (auto problem = reason_problem(reason, /*required=*/true)) return *problem;
  const std::optional<std::int64_t> reporter_id = actor.id();
  return guard_storage([&]() -> Result<Report> {
    std::lock_guard lock(writer_mutex_);
    auto page = writer_page(ed, title);
    if (!page || page->deleted || !page->visible_revision_id) return page_not_found(ed, title);
    Report r{0,           ed.lang,      page->title, page->visible_revision_id, std::string(reason),
             reporter_id, actor.logged_in() ? actor.name() : "", now_iso8601()};
    writer_
        .prepare(
            "INSERT INTO report (page_id, revision_id, reason, reporter_id, created_at)"
            " VALUES (?, ?, ?, ?, ?)")
        .bind(1, page->id)
        .bind(2, r.revision_id)
        .bind(3, reason)
        .bind(4, reporter_id)
        .bind(5, r.created_at)
        .run();
    r.id = writer_.last_insert_id();
    return r;
  });
}

Result<std::vector<Report>> ModerationImpl::open_reports(const Actor& actor, int limit) {
  if (auto refused = policy::require(actor, Action::handle_reports); !refused) {
    return refused.error();
  }
  auto c = readers_.lease();
  auto st =
      c->prepare(std::string(kReportColumns) + "WHERE r.resolved_at IS NULL ORDER BY r.id LIMIT ?");
  st.bind(1, std::int64_t{limit});
  std::vector<Report> reports;
  while (st.step()) reports.push_back(read_report(st));
  return reports;
}

Result<Report> ModerationImpl::find_report(const Actor& actor, std::int64_t report_id) {
  if (auto refused = policy::require(actor, Action::handle_reports); !refused) {
    return refused.error();
  }
  auto c = readers_.lease();
  auto st = c->prepare(std::string(kReportColumns) + "WHERE r.id = ?");
  st.bind(1, report_id);
  if (!st.step()) return make_error(ErrorCode::not_found, "moderation-error-report-not-found");
  return read_report(st);
}

Status ModerationImpl::resolve_report(const Actor& actor, std::int64_t report_id,
                                      std::string_view note) {
  if (auto refused = policy::require(actor, Action::handle_reports); !refused) return refused;
  if (auto problem = reason_problem(note, /*required=*/false)) return *problem;
  return guard_storage([&]() -> Status {
    std::lock_guard lock(writer_mutex_);
    auto r = open_report_on(writer_, report_id);
    if (!r) return make_error(ErrorCode::not_found, "moderation-error-report-not-found");
    db::Transaction tx(writer_);
    writer_.prepare("UPDATE report SET resolved_by = ?, resolved_at = ? WHERE id = ?")
        .bind(1, actor.id())
        .bind(2, now_iso8601())
        .bind(3, report_id)
        .run();
    append_audit(writer_, audit_entry(actor, "resolve-report", "report", report_id,
                                      r->lang + ":" + r->title.text, note));
    tx.commit();
    return Ok{};
  });
}

}  // namespace kidwiki::engine

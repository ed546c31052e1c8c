// Readers' reports: anyone may flag a page; moderators work through the open ones.
#include "store/audit_log.h"
#include "store/clock.h"
#include "moderation/moderation_impl.h"
#include "notify/notification_events.h"
#include "policy/require.h"
#include "store/report_store.h"
#include "store/storage_guard.h"

namespace kidwiki::engine {
using namespace safety;

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
    db::Transaction tx(writer_);
    r.id = insert_report(writer_, page->id, r);
    tell_reported(writer_, page->id, r.revision_id, r.reason);
    tx.commit();
    return r;
  });
}

Result<std::vector<Report>> ModerationImpl::open_reports(const Actor& actor, int limit) {
  if (auto refused = policy::require(actor, Action::handle_reports); !refused) {
    return refused.error();
  }
  auto c = readers_.lease();
  return open_report_rows(*c, limit);
}

Result<Report> ModerationImpl::find_report(const Actor& actor, std::int64_t report_id) {
  if (auto refused = policy::require(actor, Action::handle_reports); !refused) {
    return refused.error();
  }
  auto c = readers_.lease();
  auto found = find_report_row(*c, report_id);
  if (!found) return make_error(ErrorCode::not_found, "moderation-error-report-not-found");
  return *found;
}

Status ModerationImpl::resolve_report(const Actor& actor, std::int64_t report_id,
                                      std::string_view note) {
  if (auto refused = policy::require(actor, Action::handle_reports); !refused) return refused;
  if (auto problem = reason_problem(note, /*required=*/false)) return *problem;
  return guard_storage([&]() -> Status {
    std::lock_guard lock(writer_mutex_);
    auto r = find_open_report(writer_, report_id);
    if (!r) return make_error(ErrorCode::not_found, "moderation-error-report-not-found");
    db::Transaction tx(writer_);
    mark_report_resolved(writer_, report_id, actor.id());
    append_audit(writer_, audit_entry(actor, "resolve-report", "report", report_id,
                                      r->lang + ":" + r->title.text, note));
    tx.commit();
    return Ok{};
  });
}

}  // namespace kidwiki::engine

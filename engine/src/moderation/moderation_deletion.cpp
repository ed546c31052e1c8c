// Deleted pages. Deletion keeps every row (revisions, reports, the audit trail) and only marks
// the page, so restoring brings it back whole; readers meanwhile see no page at all.
#include "store/audit_log.h"
#include "moderation/moderation_impl.h"
#include "policy/require.h"
#include "store/moderation_store.h"
#include "store/storage_guard.h"

namespace kidwiki::engine {
using namespace safety;

Status ModerationImpl::delete_page(const Actor& actor, const Edition& ed, const Title& title,
                                   std::string_view reason) {
  if (auto refused = policy::require(actor, Action::delete_page); !refused) return refused;
  if (auto problem = reason_problem(reason, /*required=*/true)) return *problem;
  return guard_storage([&]() -> Status {
    std::lock_guard lock(writer_mutex_);
    auto page = writer_page(ed, title);
    if (!page || page->deleted) return page_not_found(ed, title);
    return write_deletion(actor, ed, *page, /*deleted=*/true, reason);
  });
}

Status ModerationImpl::restore_page(const Actor& actor, const Edition& ed, const Title& title,
                                    std::string_view reason) {
  if (auto refused = policy::require(actor, Action::delete_page); !refused) return refused;
  if (auto problem = reason_problem(reason, /*required=*/false)) return *problem;
  return guard_storage([&]() -> Status {
    std::lock_guard lock(writer_mutex_);
    auto page = writer_page(ed, title);
    if (!page || !page->deleted)
      return make_error(ErrorCode::not_found, "moderation-error-page-not-deleted");
    return write_deletion(actor, ed, *page, /*deleted=*/false, reason);
  });
}

Status ModerationImpl::write_deletion(const Actor& actor, const Edition& ed, const PageRow& page,
                                      bool deleted, std::string_view reason) {
  db::Transaction tx(writer_);
  mark_page_deleted(writer_, page.id, deleted);
  PageRow now = page;
  now.deleted = deleted;
  bool seen_change = republish(writer_, now);
  append_audit(writer_, audit_entry(actor, deleted ? "delete-page" : "restore-page", "page",
                                    page.id, page_label(ed, page.title), reason));
  tx.commit();
  if (seen_change) changed();
  return Ok{};
}

Result<std::vector<Title>> ModerationImpl::deleted_pages(const Actor& actor, const Edition& ed) {
  if (auto refused = policy::require(actor, Action::delete_page); !refused) return refused.error();
  auto c = readers_.lease();
  return deleted_page_titles(*c, ed.id);
}

}  // namespace kidwiki::engine

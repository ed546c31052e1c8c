// Deleted pages. Deletion keeps every row (revisions, reports, the audit trail) and only marks
// the page, so restoring brings it back whole; readers meanwhile see no page at all.
#include "audit_log.h"
#include "clock.h"
#include "moderation_impl.h"
#include "storage_guard.h"

namespace kidwiki::engine {
using namespace safety;

Status ModerationImpl::delete_page(std::int64_t actor_id, const Edition& ed, const Title& title,
                                   std::string_view reason) {
  if (auto problem = reason_problem(reason, /*required=*/true)) return *problem;
  return guard_storage([&]() -> Status {
    std::lock_guard lock(writer_mutex_);
    auto page = writer_page(ed, title);
    if (!page || page->deleted) return page_not_found(ed, title);
    return write_deletion(actor_id, ed, *page, /*deleted=*/true, reason);
  });
}

Status ModerationImpl::restore_page(std::int64_t actor_id, const Edition& ed, const Title& title,
                                    std::string_view reason) {
  if (auto problem = reason_problem(reason, /*required=*/false)) return *problem;
  return guard_storage([&]() -> Status {
    std::lock_guard lock(writer_mutex_);
    auto page = writer_page(ed, title);
    if (!page || !page->deleted)
      return make_error(ErrorCode::not_found, "moderation-error-page-not-deleted");
    return write_deletion(actor_id, ed, *page, /*deleted=*/false, reason);
  });
}

Status ModerationImpl::write_deletion(std::int64_t actor_id, const Edition& ed, const PageRow& page,
                                      bool deleted, std::string_view reason) {
  db::Transaction tx(writer_);
  auto mark = writer_.prepare("UPDATE page SET deleted_at = ? WHERE id = ?");
  if (deleted)
    mark.bind(1, now_iso8601());
  else
    mark.bind_null(1);
  mark.bind(2, page.id).run();
  PageRow now = page;
  now.deleted = deleted;
  bool seen_change = republish(writer_, now);
  append_audit(writer_, audit_entry(actor_id, deleted ? "delete-page" : "restore-page", "page",
                                    page.id, page_label(ed, page.title), reason));
  tx.commit();
  if (seen_change) changed();
  return Ok{};
}

bool ModerationImpl::is_deleted(const Edition& ed, const Title& title) {
  auto c = readers_.lease();
  auto page = find_page(*c, ed.id, title);
  return page && page->deleted;
}

std::vector<Title> ModerationImpl::deleted_pages(const Edition& ed) {
  auto c = readers_.lease();
  auto st = c->prepare(
      "SELECT ns, title FROM page WHERE edition_id = ? AND deleted_at IS NOT NULL"
      " ORDER BY deleted_at DESC, id DESC");
  st.bind(1, ed.id);
  std::vector<Title> titles;
  while (st.step()) titles.push_back(Title{static_cast<Namespace>(st.int64(0)), st.text(1)});
  return titles;
}

}  // namespace kidwiki::engine

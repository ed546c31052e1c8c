// Hidden revisions. Hiding one changes what readers see when it was the visible revision, and
// what the next save merges with when it was the newest: both fall back to the newest revision
// that is not hidden, so hidden text never comes back through a merge.
#include "store/audit_log.h"
#include "moderation/moderation_impl.h"
#include "store/moderation_store.h"
#include "store/page_writer.h"
#include "store/revision_meta.h"
#include "policy/require.h"
#include "store/storage_guard.h"

namespace kidwiki::engine {
using namespace safety;
namespace {

// Hiding must not empty the page: saves need a text to build on, and hiding the last approved
// revision would take the page from readers (deleting it is a separate, audited decision).
bool would_leave_nothing(db::Connection& c, const StoredRevision& rev) {
  if (shown_revision_count(c, rev.info.page_id, /*approved_only=*/false) <= 1) return true;
  return rev.info.review == ReviewState::approved &&
         shown_revision_count(c, rev.info.page_id, /*approved_only=*/true) <= 1;
}

}  // namespace

bool safety::republish(db::Connection& c, const PageRow& page) {
  if (auto latest = newest_shown_revision(c, page.id, /*approved_only=*/false)) {
    set_latest(c, page.id, *latest);
  }
  auto visible =
      page.deleted ? std::nullopt : newest_shown_revision(c, page.id, /*approved_only=*/true);
  if (visible == page.visible_revision_id) return false;
  if (visible) {
    publish(c, page, *visible, decode_meta(stored_revision_meta(c, *visible)));
  } else {
    unpublish(c, page);
  }
  return true;
}

Status ModerationImpl::set_revision_hidden(const Actor& actor, const Edition& ed,
                                           std::int64_t revision_id, bool hidden,
                                           std::string_view reason) {
  if (auto refused = policy::require(actor, Action::hide_revision); !refused) return refused;
  if (auto problem = reason_problem(reason, /*required=*/hidden)) return *problem;
  return guard_storage([&]() -> Status {
    std::lock_guard lock(writer_mutex_);
    auto rev = load_revision(writer_, ed.id, revision_id);
    if (!rev)
      return make_error(ErrorCode::not_found, "error-revision-not-found", {{"id", revision_id}});
    if (rev->info.hidden == hidden) return Ok{};
    auto page = page_by_id(writer_, rev->info.page_id);
    if (hidden && would_leave_nothing(writer_, *rev)) {
      return make_error(ErrorCode::invalid_input, "moderation-error-hide-only-revision");
    }
    db::Transaction tx(writer_);
    mark_revision_hidden(writer_, revision_id, hidden);
    bool seen_change = republish(writer_, *page);
    append_audit(writer_,
                 audit_entry(actor, hidden ? "hide-revision" : "unhide-revision", "revision",
                             revision_id, page_label(ed, page->title), reason));
    tx.commit();
    if (seen_change) changed();
    return Ok{};
  });
}

}  // namespace kidwiki::engine

#include "policy/edit_policy.h"

#include "policy/lesson_policy.h"
#include "policy/require.h"
#include "store/class_store.h"

namespace kidwiki::engine::policy {
namespace {

Status protection_allows(const Actor& actor, const PageRow& page) {
  switch (page.protection) {
    case Protection::none: return Ok{};
    case Protection::trusted:
      if (actor.may(Action::edit_protected_trusted)) return Ok{};
      return make_error(ErrorCode::forbidden, "edit-error-protected-trusted");
    case Protection::moderators:
      if (actor.may(Action::edit_protected_mods)) return Ok{};
      return make_error(ErrorCode::forbidden, "edit-error-protected-moderators");
  }
  return Ok{};
}

Status page_allows(const Actor& actor, const std::optional<PageRow>& page) {
  if (!page) return Ok{};
  if (page->deleted) return make_error(ErrorCode::forbidden, "moderation-error-page-deleted");
  return protection_allows(actor, *page);
}

}  // namespace

Status may_change(db::Connection& c, const Actor& actor, const Edition& ed,
                  const std::optional<PageRow>& page, bool move, std::int64_t now) {
  if (!actor.logged_in() && !actor.is_console()) {
    if (!move && ed.anonymous_editing) return page_allows(actor, page);
    return make_error(ErrorCode::not_logged_in, "access-error-anonymous-editing");
  }
  if (auto refused = require(actor, move ? Action::move_page : Action::edit); !refused) {
    return refused;
  }
  if (auto refused = page_allows(actor, page); !refused) return refused;
  // Last: "closed" must mean that waiting for the lesson is all it takes (the edit form then
  // opens for the pupil to write), never hide a refusal that no lesson would lift.
  return lesson_allows(c, actor, now);
}

bool needs_review(db::Connection& c, const Actor& actor) {
  if (actor.is_console()) return false;
  if (!actor.logged_in()) return true;
  const User& user = *actor.user();
  if (user.role != Role::pupil || user.trusted) return false;
  if (!user.class_id) return true;
  return class_requires_review(c, *user.class_id);
}

}  // namespace kidwiki::engine::policy

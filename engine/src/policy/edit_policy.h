// Who may change a page, and whether what they save waits for review. One place for every way of
// changing a page (save, revert, move; HTML form, API or command line):
// - a reader edits only where the edition allows anonymous editing, and never moves a page;
// - an account needs the right (Action::edit, or Action::move_page for a rename) and no block;
// - a deleted page is restored by a moderator with its history, never written over unseen;
// - a protected page needs Action::edit_protected_trusted or Action::edit_protected_mods;
// - a pupil of a class changes nothing outside the class's lesson window (lesson_policy.h);
// - a reader's revision always waits for review, a pupil's unless the pupil is trusted or their
//   class does not ask for review.
#pragma once

#include <optional>

#include "engine/actor.h"
#include "engine/wiki.h"
#include "store/database.h"
#include "store/page_store.h"

namespace kidwiki::engine::policy {

// Ok, or the refusal: not_logged_in ("access-error-anonymous-editing"), forbidden (the role, the
// block, "moderation-error-page-deleted", "edit-error-protected-trusted" or
// "edit-error-protected-moderators"), closed (outside the actor's lesson window, at `now`, seconds
// since 1970 UTC). `page` empty: a page not created yet. `c` reads the actor's class.
Status may_change(db::Connection& c, const Actor& actor, const Edition& ed,
                  const std::optional<PageRow>& page, bool move, std::int64_t now);

// Whether a revision `actor` saves waits for review.
bool needs_review(db::Connection& c, const Actor& actor);

}  // namespace kidwiki::engine::policy

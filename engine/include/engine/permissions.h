// Who may do what, by role: the table docs/moderation.md prints (a test keeps the two equal).
// Callers ask through Actor::may, which also applies blocks; scope (a teacher acts on their own
// classes only, a revision exists only for some) is decided by the engine call that acts
// (engine/src/policy/). tests/engine/policy_test.cpp walks every role × action × state against
// the engine, tests/web/permissions_test.cpp every role × action through the HTTP routes.
#pragma once

#include <optional>
#include <string_view>
#include <vector>

#include "engine/user.h"

namespace kidwiki::engine {

// The columns of the table: a reader is anyone not logged in.
enum class Who { reader, pupil, trusted_pupil, teacher, moderator, admin };

// The rows of the table.
enum class Action {
  read,                   // read approved pages, history, diffs, search
  report_page,            // "report this page"
  edit,                   // create and edit pages (pending for pupils who are not trusted)
  edit_protected_trusted, // edit a page protected "trusted editors only"
  edit_protected_mods,    // edit a page protected "moderators only"
  move_page,              // rename a page (and revert, which is an edit)
  see_own_edits,          // "my edits", with reviewers' messages
  manage_class,           // create classes and pupils, reset passwords, trust, disable, archive
  review_class,           // approve or send back the edits of one's own classes' pupils
  review_all,             // approve or send back any pending edit
  view_audit_class,       // the audit log of one's own classes
  view_audit_all,         // the whole audit log
  handle_reports,         // the reports queue
  block_user,             // block and unblock accounts
  protect_page,           // protect and unprotect pages
  hide_revision,          // hide a revision from everyone but moderators (personal information)
  delete_page,            // delete and restore pages
  edit_filters,           // the word lists of the content filter
  manage_accounts,        // create teachers, moderators and admins
  configure_edition,      // an edition's settings (anonymous editing)
};

inline constexpr Action kAllActions[] = {
    Action::read,          Action::report_page,      Action::edit,
    Action::edit_protected_trusted, Action::edit_protected_mods, Action::move_page,
    Action::see_own_edits, Action::manage_class,     Action::review_class,
    Action::review_all,    Action::view_audit_class, Action::view_audit_all,
    Action::handle_reports, Action::block_user,      Action::protect_page,
    Action::hide_revision, Action::delete_page,      Action::edit_filters,
    Action::manage_accounts, Action::configure_edition,
};
inline constexpr Who kAllWho[] = {Who::reader,  Who::pupil,     Who::trusted_pupil,
                                  Who::teacher, Who::moderator, Who::admin};

// The column a user (or nobody) falls in.
Who who_is(const std::optional<User>& user);

// The table itself. `Action::edit` for a reader answers false: an edition that allows anonymous
// editing (Edition::anonymous_editing) lets readers edit anyway, always pending review.
bool allowed(Who who, Action action);

// What a block leaves an account: reading, and its own edits with their reviewers' messages.
bool allowed_while_blocked(Action action);

// Stable names, for docs, logs and tests ("edit-protected-trusted", "trusted-pupil").
std::string_view action_name(Action action);
std::string_view who_name(Who who);

}  // namespace kidwiki::engine

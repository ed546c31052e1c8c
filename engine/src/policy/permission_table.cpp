// The role × action table (docs/moderation.md prints it) and what a block leaves.
#include "engine/permissions.h"

namespace kidwiki::engine {
namespace {

// One row per action; the columns follow Who: reader, pupil, trusted pupil, teacher, moderator,
// admin. Why a pupil may not move pages: a rename changes every link to the page, and a trusted
// pupil has shown the care it needs (MediaWiki keeps moves from new accounts for the same reason).
struct Row {
  Action action;
  bool allowed[6];
};

constexpr Row kTable[] = {
    {Action::read, {true, true, true, true, true, true}},
    {Action::report_page, {true, true, true, true, true, true}},
    {Action::edit, {false, true, true, true, true, true}},
    {Action::edit_protected_trusted, {false, false, true, true, true, true}},
    {Action::edit_protected_mods, {false, false, false, false, true, true}},
    {Action::move_page, {false, false, true, true, true, true}},
    {Action::see_own_edits, {false, true, true, true, true, true}},
    {Action::manage_class, {false, false, false, true, false, true}},
    {Action::review_class, {false, false, false, true, true, true}},
    {Action::review_all, {false, false, false, false, true, true}},
    {Action::view_audit_class, {false, false, false, true, true, true}},
    {Action::view_audit_all, {false, false, false, false, true, true}},
    {Action::handle_reports, {false, false, false, false, true, true}},
    {Action::block_user, {false, false, false, false, true, true}},
    {Action::protect_page, {false, false, false, false, true, true}},
    {Action::hide_revision, {false, false, false, false, true, true}},
    {Action::delete_page, {false, false, false, false, true, true}},
    {Action::edit_filters, {false, false, false, false, false, true}},
    {Action::manage_accounts, {false, false, false, false, false, true}},
    {Action::configure_edition, {false, false, false, false, false, true}},
};

}  // namespace

Who who_is(const std::optional<User>& user) {
  if (!user) return Who::reader;
  switch (user->role) {
    case Role::pupil: return user->trusted ? Who::trusted_pupil : Who::pupil;
    case Role::teacher: return Who::teacher;
    case Role::moderator: return Who::moderator;
    case Role::admin: return Who::admin;
  }
  return Who::reader;
}

bool allowed_while_blocked(Action action) {
  // Why these two: a blocked pupil still reads the encyclopedia and their teacher's messages;
  // every other power (editing, reviewing, moderating, managing) waits for the block to end.
  return action == Action::read || action == Action::see_own_edits;
}

bool allowed(Who who, Action action) {
  for (const auto& row : kTable) {
    if (row.action == action) return row.allowed[static_cast<int>(who)];
  }
  return false;
}

std::string_view action_name(Action action) {
  switch (action) {
    case Action::read: return "read";
    case Action::report_page: return "report-page";
    case Action::edit: return "edit";
    case Action::edit_protected_trusted: return "edit-protected-trusted";
    case Action::edit_protected_mods: return "edit-protected-moderators";
    case Action::move_page: return "move-page";
    case Action::see_own_edits: return "see-own-edits";
    case Action::manage_class: return "manage-class";
    case Action::review_class: return "review-class";
    case Action::review_all: return "review-all";
    case Action::view_audit_class: return "view-audit-class";
    case Action::view_audit_all: return "view-audit-all";
    case Action::handle_reports: return "handle-reports";
    case Action::block_user: return "block-user";
    case Action::protect_page: return "protect-page";
    case Action::hide_revision: return "hide-revision";
    case Action::delete_page: return "delete-page";
    case Action::edit_filters: return "edit-filters";
    case Action::manage_accounts: return "manage-accounts";
    case Action::configure_edition: return "configure-edition";
  }
  return "unknown";
}

std::string_view who_name(Who who) {
  switch (who) {
    case Who::reader: return "reader";
    case Who::pupil: return "pupil";
    case Who::trusted_pupil: return "trusted-pupil";
    case Who::teacher: return "teacher";
    case Who::moderator: return "moderator";
    case Who::admin: return "admin";
  }
  return "unknown";
}

}  // namespace kidwiki::engine

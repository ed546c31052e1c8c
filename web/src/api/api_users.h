// The JSON API of staff accounts (docs/api.md, "Users"): an admin creates, lists, disables,
// re-enables, changes the role of and resets the password of teachers, moderators and admins.
// Who may: engine::Action::manage_accounts (the engine decides; it also refuses an admin's own
// account and the last active admin). Answers that carry passwords are never cached.
#pragma once

#include <string>

#include <httplib.h>

#include "http/web_context.h"
#include "http/call.h"

namespace kidwiki::web {

// POST /api/v1/users {username, role, password?}: 201 {id, username, role, password?}; without
// a password in the request one is generated and shown in the answer, this once.
void api_users_create(const Call& call);
// GET /api/v1/users: {users: [{id, username, role, disabled}]}, every staff account.
void api_users_list(const Call& call);
// POST /api/v1/users/{id}/disabled {disabled}: the account. Disabling ends its sessions at once.
void api_user_disabled(const Call& call);
// POST /api/v1/users/{id}/role {role}: the account with its new role (teacher, moderator, admin).
void api_user_role(const Call& call);
// POST /api/v1/users/{id}/password: {id, username, password}, a new generated password shown
// once; the account's sessions end.
void api_user_password(const Call& call);

}  // namespace kidwiki::web

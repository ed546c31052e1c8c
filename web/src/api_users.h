// The JSON API of staff accounts (docs/api.md, "Users"): an admin creates teachers, moderators
// and admins. Who may: engine::Action::manage_accounts.
#pragma once

#include <httplib.h>

#include "web_context.h"

namespace kidwiki::web {

// POST /api/v1/users {username, role, password?}: 201 {id, username, role, password?}; without
// a password in the request one is generated and shown in the answer, this once.
void api_users_create(const httplib::Request& req, httplib::Response& res, WebContext& ctx);

}  // namespace kidwiki::web

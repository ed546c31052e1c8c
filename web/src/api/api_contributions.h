// The JSON API of contributions (docs/api.md, "Contributions"): an account's revisions as the
// caller may see them, and what each pupil of a class wrote, for those who may see the class.
// The engine decides who sees what (Wiki::contributions, Wiki::class_contributions).
#pragma once

#include "http/call.h"

namespace kidwiki::web {

// GET /api/v1/users/{user}/contributions?limit=&before=: {user, contributions, next_before};
// {user} is an account id or name (actions/account_lookup.h).
void api_user_contributions(const Call& call);
// GET /api/v1/classes/{id}/contributions: {class, pupils, pages, pages_left_out}.
void api_class_contributions(const Call& call);

}  // namespace kidwiki::web

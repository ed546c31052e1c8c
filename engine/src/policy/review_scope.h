// Whose edits an actor reviews: moderators and admins everyone's (Action::review_all), a teacher
// their classes' pupils' (Action::review_class), nobody else anyone's. A block stops reviewing.
#pragma once

#include <cstdint>
#include <optional>
#include <vector>

#include "engine/actor.h"
#include "store/database.h"

namespace kidwiki::engine::policy {

// Empty optional: everyone's; otherwise the authors (possibly none).
std::optional<std::vector<std::int64_t>> reviewed_authors(db::Connection& c, const Actor& actor);

// Whether `actor` reviews edits by `author_id` (empty: an anonymous reader's).
bool reviews_author(db::Connection& c, const Actor& actor, std::optional<std::int64_t> author_id);

}  // namespace kidwiki::engine::policy

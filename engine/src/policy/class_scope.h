// Which classes an actor reaches. A class is seen by its teacher, moderators and admins, and
// changed by its teacher and admins; a pupil is changed by their class's teacher and admins (only
// admins for a pupil in no class). A block stops all of it.
#pragma once

#include <cstdint>
#include <optional>
#include <vector>

#include "engine/actor.h"
#include "engine/classes.h"
#include "store/database.h"

namespace kidwiki::engine::policy {

enum class ClassUse { see, change };

// The class when `actor` may `use` it: not_found ("error-class-not-found"), forbidden
// ("error-class-forbidden").
Result<SchoolClass> class_for(db::Connection& c, const Actor& actor, std::int64_t class_id,
                              ClassUse use);

// The classes `actor` sees: a teacher's own, every class for moderators and admins.
std::vector<SchoolClass> classes_seen(db::Connection& c, const Actor& actor);

// Whether `actor` may change the pupil `pupil` (a pupil account).
Status may_change_pupil(db::Connection& c, const Actor& actor, const User& pupil);

// The class whose audit entries `actor` may read: moderators and admins any (empty: all),
// teachers one of their own (forbidden otherwise; forbidden "moderation-error-audit-class" when
// they name none: the whole log is not theirs).
Result<std::optional<std::int64_t>> audit_class(db::Connection& c, const Actor& actor,
                                                std::optional<std::int64_t> class_id);

}  // namespace kidwiki::engine::policy

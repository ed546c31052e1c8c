// Whether a class's lesson window lets an actor change pages now. Only a pupil of a class is ever
// refused: teachers, moderators, admins, the console and pupils in no class are not (their role
// and block decide alone), and reading is never refused. edit_policy asks this for every change
// (saves, reverts, moves, uploads), so no route can forget it.
#pragma once

#include <cstdint>

#include "engine/actor.h"
#include "engine/result.h"
#include "store/database.h"

namespace kidwiki::engine::policy {

// Ok, or closed: "edit-error-lesson-closed" with arg "when" (the next lesson's start, ISO 8601
// UTC, shown as a date by the message) in the `lessons` mode, "edit-error-editing-off" when the
// teacher switched editing off (or no lesson starts within kLessonSearchDays). `now`: seconds
// since 1970 UTC; the slots are read in the wiki's display time zone (i18n/time_zone.h).
Status lesson_allows(db::Connection& c, const Actor& actor, std::int64_t now);

}  // namespace kidwiki::engine::policy

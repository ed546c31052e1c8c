// The lesson-window rule itself, on its own: from a class's window, an instant and the school's
// time zone, whether its pupils may edit and when that changes. No database and no clock, so the
// tests can walk it across weekdays, holidays and summer-time changes.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

#include "engine/classes.h"
#include "engine/result.h"

namespace kidwiki::engine::policy {

// The state at `now` (seconds since 1970 UTC) with the slots read in `zone` (an IANA name).
// An unknown zone reads the slots in UTC rather than closing a class for good.
LessonState lesson_state_at(const LessonWindow& window, std::int64_t now, std::string_view zone);

// Ok, or invalid_input with the message classes.h lists for set_lesson_window.
Status check_lesson_window(const LessonWindow& window);

// The window in a few words for the audit log: "lessons; 1 09:00-10:30, 3 14:00-15:00;
// holidays 2026-12-19..2027-01-03" (weekdays as ISO numbers: the log is read in every language).
std::string lesson_window_summary(const LessonWindow& window);

}  // namespace kidwiki::engine::policy

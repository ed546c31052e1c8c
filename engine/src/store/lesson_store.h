// Reading and writing a class's lesson window (class.lesson_mode, class_lesson_slot,
// class_holiday). Free functions over a connection, like class_store.h; writes run inside the
// caller's transaction on the writer.
#pragma once

#include <cstdint>

#include "engine/classes.h"
#include "store/database.h"

namespace kidwiki::engine {

// The class's window: slots by weekday and start, holidays by first day; `always` with nothing
// for a class that does not exist.
LessonWindow read_lesson_window(db::Connection& c, std::int64_t class_id);
// The class's mode alone: one read where most classes are `always` (every pupil's save asks).
LessonMode read_lesson_mode(db::Connection& c, std::int64_t class_id);
// Replaces the mode, slots and holidays. Precondition: the window passed check_lesson_window.
void write_lesson_window(db::Connection& c, std::int64_t class_id, const LessonWindow& window);
// Changes the mode only.
void write_lesson_mode(db::Connection& c, std::int64_t class_id, LessonMode mode);

}  // namespace kidwiki::engine

#include "store/lesson_store.h"

#include <string>

namespace kidwiki::engine {

LessonWindow read_lesson_window(db::Connection& c, std::int64_t class_id) {
  LessonWindow window;
  window.mode = read_lesson_mode(c, class_id);
  auto slots = c.prepare(
      "SELECT weekday, start_minute, end_minute FROM class_lesson_slot WHERE class_id = ?"
      " ORDER BY weekday, start_minute");
  slots.bind(1, class_id);
  while (slots.step()) {
    window.slots.push_back({static_cast<int>(slots.int64(0)), static_cast<int>(slots.int64(1)),
                            static_cast<int>(slots.int64(2))});
  }
  auto holidays = c.prepare(
      "SELECT first_day, last_day FROM class_holiday WHERE class_id = ? ORDER BY first_day");
  holidays.bind(1, class_id);
  while (holidays.step()) window.holidays.push_back({holidays.text(0), holidays.text(1)});
  return window;
}

LessonMode read_lesson_mode(db::Connection& c, std::int64_t class_id) {
  auto mode = c.prepare("SELECT lesson_mode FROM class WHERE id = ?");
  mode.bind(1, class_id);
  if (!mode.step()) return LessonMode::always;
  return lesson_mode_named(mode.text(0)).value_or(LessonMode::always);
}

void write_lesson_window(db::Connection& c, std::int64_t class_id, const LessonWindow& window) {
  write_lesson_mode(c, class_id, window.mode);
  c.prepare("DELETE FROM class_lesson_slot WHERE class_id = ?").bind(1, class_id).run();
  c.prepare("DELETE FROM class_holiday WHERE class_id = ?").bind(1, class_id).run();
  for (const auto& slot : window.slots) {
    c.prepare("INSERT INTO class_lesson_slot (class_id, weekday, start_minute, end_minute)"
              " VALUES (?, ?, ?, ?)")
        .bind(1, class_id).bind(2, std::int64_t{slot.weekday})
        .bind(3, std::int64_t{slot.start_minute}).bind(4, std::int64_t{slot.end_minute}).run();
  }
  for (const auto& holiday : window.holidays) {
    c.prepare("INSERT INTO class_holiday (class_id, first_day, last_day) VALUES (?, ?, ?)")
        .bind(1, class_id).bind(2, holiday.first_day).bind(3, holiday.last_day).run();
  }
}

void write_lesson_mode(db::Connection& c, std::int64_t class_id, LessonMode mode) {
  c.prepare("UPDATE class SET lesson_mode = ? WHERE id = ?")
      .bind(1, lesson_mode_name(mode)).bind(2, class_id).run();
}

}  // namespace kidwiki::engine

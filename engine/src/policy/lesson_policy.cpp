#include "policy/lesson_policy.h"

#include "i18n/time_zone.h"
#include "policy/lesson_schedule.h"
#include "store/lesson_store.h"

namespace kidwiki::engine::policy {

Status lesson_allows(db::Connection& c, const Actor& actor, std::int64_t now) {
  if (actor.is_console() || !actor.logged_in()) return Ok{};
  const User& user = *actor.user();
  if (user.role != Role::pupil || !user.class_id) return Ok{};
  if (read_lesson_mode(c, *user.class_id) == LessonMode::always) return Ok{};
  const LessonWindow window = read_lesson_window(c, *user.class_id);
  const LessonState state = lesson_state_at(window, now, i18n::display_time_zone());
  if (state.open) return Ok{};
  if (state.opens_at) {
    return make_error(ErrorCode::closed, "edit-error-lesson-closed", {{"when", *state.opens_at}});
  }
  return make_error(ErrorCode::closed, "edit-error-editing-off");
}

}  // namespace kidwiki::engine::policy

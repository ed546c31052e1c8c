// The "Lesson window" section of the class dashboard: when the class's pupils may edit, in words;
// the one button that switches editing off (or on again); and the form for the mode, the weekly
// lessons and the holidays. The rule is the engine's (engine/classes.h); this page only shows it
// and sends what the teacher typed.
#pragma once

#include <array>
#include <cstdint>
#include <string>
#include <vector>

#include <httplib.h>

#include "engine/classes.h"
#include "html/page/html_context.h"
#include "html/page/html_template_data.h"

namespace kidwiki::web {

// The form as the teacher sent it, to show it again with a refusal rather than lose their typing.
struct LessonFormRows {
  std::string mode;
  std::vector<std::array<std::string, 3>> slots;     // weekday ("1" to "7", "" none), start, end
  std::vector<std::array<std::string, 2>> holidays;  // first day, last day
};

// True for the wpAction values of this section: lesson-off, lesson-on, lesson-follow (the
// buttons) and lesson-window (the form).
bool is_lesson_action(const std::string& action);

// Applies a lesson action for the dashboard's POST; `posted` receives the form's rows.
engine::Status apply_lesson_action(const httplib::Request& req, const HtmlContext& ctx,
                                   std::int64_t class_id, const std::string& action,
                                   LessonFormRows& posted);

// The section's template data ("lesson" in class.mustache): the engine's window and state, with
// the form filled from `posted` when given.
TemplateData lesson_window_data(const HtmlContext& ctx, const engine::SchoolClass& c,
                                const LessonFormRows* posted);

}  // namespace kidwiki::web

#include "html/classes/html_lesson_window.h"

#include "actions/lesson_window_input.h"
#include "http/form_fields.h"

namespace kidwiki::web {
namespace {

constexpr int kBlankSlotRows = 3;     // more after each save (class.mustache's help says so)
constexpr int kBlankHolidayRows = 2;

bool blank(const std::string& s) { return s.find_first_not_of(" \t") == std::string::npos; }

std::string trimmed(const std::string& s) {
  const auto first = s.find_first_not_of(" \t");
  if (first == std::string::npos) return "";
  return s.substr(first, s.find_last_not_of(" \t") - first + 1);
}

LessonFormRows rows_from(const httplib::Request& req) {
  LessonFormRows rows;
  rows.mode = form_field(req, "wpLessonMode");
  const auto days = form_field_values(req, "wpSlotDay");
  const auto starts = form_field_values(req, "wpSlotStart");
  const auto ends = form_field_values(req, "wpSlotEnd");
  for (std::size_t i = 0; i < days.size(); ++i) {
    rows.slots.push_back({days[i], i < starts.size() ? starts[i] : "", i < ends.size() ? ends[i] : ""});
  }
  const auto firsts = form_field_values(req, "wpHolidayFirst");
  const auto lasts = form_field_values(req, "wpHolidayLast");
  for (std::size_t i = 0; i < firsts.size(); ++i) {
    rows.holidays.push_back({firsts[i], i < lasts.size() ? lasts[i] : ""});
  }
  return rows;
}

// The window the rows describe. Rows without a day (slots) or without any date (holidays) are
// empty rows, left out; the numbers in the messages count the rows kept.
engine::Result<engine::LessonWindow> window_from(const LessonFormRows& rows) {
  engine::LessonWindow window;
  const auto mode = engine::lesson_mode_named(rows.mode);
  if (!mode) return engine::make_error(engine::ErrorCode::invalid_input, "classes-error-lesson-mode");
  window.mode = *mode;
  for (const auto& [day, start, end] : rows.slots) {
    if (blank(day)) continue;
    const auto from = parse_clock(trimmed(start));
    const auto to = parse_clock(trimmed(end));
    const int weekday = day.size() == 1 && day[0] >= '1' && day[0] <= '7' ? day[0] - '0' : 0;
    if (!from || !to || !weekday) {
      return engine::make_error(engine::ErrorCode::invalid_input, "classes-error-lesson-slot",
                                {{"slot", static_cast<std::int64_t>(window.slots.size() + 1)}});
    }
    window.slots.push_back({weekday, *from, *to});
  }
  for (const auto& [first, last] : rows.holidays) {
    if (blank(first) && blank(last)) continue;
    // One day: the last day may be left empty.
    window.holidays.push_back({trimmed(first), blank(last) ? trimmed(first) : trimmed(last)});
  }
  return window;
}

std::vector<TemplateData> day_options(const HtmlContext& ctx, const std::string& selected) {
  std::vector<TemplateData> out;
  out.push_back(TemplateData()
                    .set("value", "")
                    .set("label", ctx.msg("classes-lesson-no-day"))
                    .set("selected", selected.empty()));
  for (int d = 1; d <= 7; ++d) {
    const std::string value = std::to_string(d);
    out.push_back(TemplateData()
                      .set("value", value)
                      .set("label", ctx.msg("classes-weekday-" + value))
                      .set("selected", selected == value));
  }
  return out;
}

LessonFormRows rows_of(const engine::LessonWindow& window) {
  LessonFormRows rows;
  rows.mode = std::string(engine::lesson_mode_name(window.mode));
  for (const auto& s : window.slots) {
    rows.slots.push_back(
        {std::to_string(s.weekday), clock_text(s.start_minute), clock_text(s.end_minute)});
  }
  for (const auto& h : window.holidays) rows.holidays.push_back({h.first_day, h.last_day});
  return rows;
}

std::string state_text(const HtmlContext& ctx, const engine::LessonWindow& window,
                       const engine::LessonState& state) {
  if (state.open) {
    if (state.closes_at) return ctx.msg("classes-lesson-open-until", {{"when", *state.closes_at}});
    return ctx.msg("classes-lesson-open-now");
  }
  if (window.mode == engine::LessonMode::closed) return ctx.msg("classes-lesson-closed-off");
  if (state.opens_at) return ctx.msg("classes-lesson-closed-until", {{"when", *state.opens_at}});
  return ctx.msg("classes-lesson-closed-no-lesson");
}

}  // namespace

bool is_lesson_action(const std::string& action) {
  return action == "lesson-off" || action == "lesson-on" || action == "lesson-follow" ||
         action == "lesson-window";
}

engine::Status apply_lesson_action(const httplib::Request& req, const HtmlContext& ctx,
                                   std::int64_t class_id, const std::string& action,
                                   LessonFormRows& posted) {
  auto& classes = ctx.wiki().classes();
  if (action == "lesson-off") return classes.set_lesson_mode(ctx.actor, class_id, engine::LessonMode::closed);
  if (action == "lesson-on") return classes.set_lesson_mode(ctx.actor, class_id, engine::LessonMode::always);
  if (action == "lesson-follow") {
    return classes.set_lesson_mode(ctx.actor, class_id, engine::LessonMode::lessons);
  }
  posted = rows_from(req);
  auto window = window_from(posted);
  if (!window) return window.error();
  return classes.set_lesson_window(ctx.actor, class_id, window.value());
}

TemplateData lesson_window_data(const HtmlContext& ctx, const engine::SchoolClass& c,
                                const LessonFormRows* posted) {
  auto& classes = ctx.wiki().classes();
  auto window = classes.lesson_window(ctx.actor, c.id);
  auto state = classes.lesson_state(ctx.actor, c.id);
  if (!window || !state) return TemplateData();  // the dashboard itself refused already
  const LessonFormRows rows = posted ? *posted : rows_of(window.value());
  std::vector<TemplateData> slots;
  for (const auto& [day, start, end] : rows.slots) {
    slots.push_back(TemplateData()
                        .set("n", static_cast<int>(slots.size() + 1))
                        .set("days", day_options(ctx, day))
                        .set("start", start)
                        .set("end", end));
  }
  for (int i = 0; i < kBlankSlotRows; ++i) {
    slots.push_back(TemplateData()
                        .set("n", static_cast<int>(slots.size() + 1))
                        .set("days", day_options(ctx, ""))
                        .set("start", "")
                        .set("end", ""));
  }
  std::vector<TemplateData> holidays;
  for (const auto& [first, last] : rows.holidays) {
    holidays.push_back(TemplateData()
                           .set("n", static_cast<int>(holidays.size() + 1))
                           .set("first", first)
                           .set("last", last));
  }
  for (int i = 0; i < kBlankHolidayRows; ++i) {
    holidays.push_back(TemplateData()
                           .set("n", static_cast<int>(holidays.size() + 1))
                           .set("first", "")
                           .set("last", ""));
  }
  const engine::LessonMode mode = window->mode;
  return TemplateData()
      .set("open", state->open)
      .set("state_text", state_text(ctx, window.value(), state.value()))
      .set("can_switch_off", mode != engine::LessonMode::closed)
      .set("can_switch_on", mode == engine::LessonMode::closed)
      .set("can_follow", mode == engine::LessonMode::closed && !window->slots.empty())
      .set("mode_always", rows.mode == "always")
      .set("mode_closed", rows.mode == "closed")
      .set("mode_lessons", rows.mode == "lessons")
      .set("slots", std::move(slots))
      .set("holidays", std::move(holidays))
      .set("zone_text", ctx.msg("classes-lesson-zone", {{"zone", state->time_zone}}));
}

}  // namespace kidwiki::web

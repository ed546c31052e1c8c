#include "actions/lesson_window_input.h"

#include <cstdio>

namespace kidwiki::web {
namespace {

using nlohmann::json;

engine::Error bad_slot(std::size_t index) {
  return engine::make_error(engine::ErrorCode::invalid_input, "classes-error-lesson-slot",
                            {{"slot", static_cast<std::int64_t>(index + 1)}});
}

engine::Error bad_holiday(std::size_t index) {
  return engine::make_error(engine::ErrorCode::invalid_input, "classes-error-holiday",
                            {{"holiday", static_cast<std::int64_t>(index + 1)}});
}

engine::Error not_a_list(const char* field) {
  return engine::make_error(engine::ErrorCode::invalid_input, "api-error-expected-array",
                            {{"field", field}});
}

// The engine's refusal of too many lessons or holidays, given before reading a huge list.
engine::Error too_many() {
  return engine::make_error(engine::ErrorCode::invalid_input, "classes-error-lesson-count",
                            {{"max_slots", std::int64_t{engine::kMaxLessonSlots}},
                             {"max_holidays", std::int64_t{engine::kMaxHolidays}}});
}

std::optional<engine::LessonSlot> slot_from(const json& item) {
  if (!item.is_object()) return std::nullopt;
  const auto weekday = item.find("weekday");
  const auto start = item.find("start");
  const auto end = item.find("end");
  if (weekday == item.end() || !weekday->is_number_integer() || start == item.end() ||
      !start->is_string() || end == item.end() || !end->is_string()) {
    return std::nullopt;
  }
  const auto day = weekday->get<std::int64_t>();
  const auto from = parse_clock(start->get<std::string>());
  const auto to = parse_clock(end->get<std::string>());
  if (day < 1 || day > 7 || !from || !to) return std::nullopt;
  return engine::LessonSlot{static_cast<int>(day), *from, *to};
}

std::optional<engine::Holiday> holiday_from(const json& item) {
  if (!item.is_object()) return std::nullopt;
  const auto first = item.find("first_day");
  const auto last = item.find("last_day");
  if (first == item.end() || !first->is_string()) return std::nullopt;
  // One day: the last day may be left out.
  if (last != item.end() && !last->is_string()) return std::nullopt;
  const std::string first_day = first->get<std::string>();
  return engine::Holiday{first_day, last == item.end() ? first_day : last->get<std::string>()};
}

}  // namespace

std::optional<int> parse_clock(std::string_view text) {
  const auto colon = text.find(':');
  if (colon == std::string_view::npos || colon < 1 || colon > 2 || text.size() != colon + 3) {
    return std::nullopt;
  }
  int hours = 0, minutes = 0;
  for (std::size_t i = 0; i < text.size(); ++i) {
    if (i == colon) continue;
    if (text[i] < '0' || text[i] > '9') return std::nullopt;
    (i < colon ? hours : minutes) = (i < colon ? hours : minutes) * 10 + (text[i] - '0');
  }
  if (minutes > 59 || hours > 24 || (hours == 24 && minutes != 0)) return std::nullopt;
  return hours * 60 + minutes;
}

std::string clock_text(int minute) {
  char buf[16];
  std::snprintf(buf, sizeof buf, "%02d:%02d", (minute / 60) % 100, minute % 60);
  return buf;
}

json lesson_window_json(const engine::LessonWindow& window, const engine::LessonState& state) {
  json slots = json::array();
  for (const auto& s : window.slots) {
    slots.push_back({{"weekday", s.weekday},
                     {"start", clock_text(s.start_minute)},
                     {"end", clock_text(s.end_minute)}});
  }
  json holidays = json::array();
  for (const auto& h : window.holidays) {
    holidays.push_back({{"first_day", h.first_day}, {"last_day", h.last_day}});
  }
  return {{"mode", engine::lesson_mode_name(window.mode)},
          {"slots", std::move(slots)},
          {"holidays", std::move(holidays)},
          {"open", state.open},
          {"opens_at", state.opens_at ? json(*state.opens_at) : json(nullptr)},
          {"closes_at", state.closes_at ? json(*state.closes_at) : json(nullptr)},
          {"time_zone", state.time_zone}};
}

engine::Result<engine::LessonWindow> lesson_window_from_json(const json& body,
                                                             const engine::LessonWindow& current) {
  engine::LessonWindow window = current;
  const auto mode = body.find("mode");
  if (mode == body.end()) {
    return engine::make_error(engine::ErrorCode::invalid_input, "api-error-missing-field",
                              {{"field", "mode"}});
  }
  const auto named = mode->is_string() ? engine::lesson_mode_named(mode->get<std::string>())
                                       : std::nullopt;
  if (!named) return engine::make_error(engine::ErrorCode::invalid_input, "classes-error-lesson-mode");
  window.mode = *named;
  if (const auto slots = body.find("slots"); slots != body.end()) {
    if (!slots->is_array()) return not_a_list("slots");
    if (slots->size() > static_cast<std::size_t>(engine::kMaxLessonSlots)) return too_many();
    window.slots.clear();
    for (std::size_t i = 0; i < slots->size(); ++i) {
      auto slot = slot_from((*slots)[i]);
      if (!slot) return bad_slot(i);
      window.slots.push_back(*slot);
    }
  }
  if (const auto holidays = body.find("holidays"); holidays != body.end()) {
    if (!holidays->is_array()) return not_a_list("holidays");
    if (holidays->size() > static_cast<std::size_t>(engine::kMaxHolidays)) return too_many();
    window.holidays.clear();
    for (std::size_t i = 0; i < holidays->size(); ++i) {
      auto holiday = holiday_from((*holidays)[i]);
      if (!holiday) return bad_holiday(i);
      window.holidays.push_back(*holiday);
    }
  }
  return window;
}

}  // namespace kidwiki::web

#include "policy/lesson_schedule.h"

#include <algorithm>
#include <cstdio>
#include <optional>
#include <vector>

#include "i18n/local_time.h"
#include "store/clock.h"

namespace kidwiki::engine {

std::string_view lesson_mode_name(LessonMode mode) {
  switch (mode) {
    case LessonMode::always: return "always";
    case LessonMode::closed: return "closed";
    case LessonMode::lessons: return "lessons";
  }
  return "always";
}

std::optional<LessonMode> lesson_mode_named(std::string_view name) {
  for (auto mode : {LessonMode::always, LessonMode::closed, LessonMode::lessons}) {
    if (lesson_mode_name(mode) == name) return mode;
  }
  return std::nullopt;
}

namespace policy {
namespace {

constexpr int kMinutesPerDay = 1440;

struct DateRange {
  i18n::LocalDate first, last;
};

std::vector<DateRange> holiday_ranges(const LessonWindow& window) {
  std::vector<DateRange> out;
  for (const auto& h : window.holidays) {
    auto first = i18n::parse_local_date(h.first_day);
    auto last = i18n::parse_local_date(h.last_day);
    if (first && last) out.push_back({*first, *last});
  }
  return out;
}

bool on_holiday(const std::vector<DateRange>& holidays, const i18n::LocalDate& day) {
  return std::any_of(holidays.begin(), holidays.end(),
                     [&](const DateRange& r) { return r.first <= day && day <= r.last; });
}

// The slots of one weekday by start.
std::vector<LessonSlot> slots_on(const LessonWindow& window, int weekday) {
  std::vector<LessonSlot> out;
  for (const auto& s : window.slots) {
    if (s.weekday == weekday) out.push_back(s);
  }
  std::sort(out.begin(), out.end(),
            [](const LessonSlot& a, const LessonSlot& b) { return a.start_minute < b.start_minute; });
  return out;
}

std::string clock_text(int minute) {
  char buf[16];
  std::snprintf(buf, sizeof buf, "%02d:%02d", minute / 60 % 100, minute % 60);
  return buf;
}

// Where the lesson under way at `minute` of `day` ends, following lessons that start when the
// previous one ends, across midnight too (a day's last lesson until 24:00 and the next day's from
// 00:00). Bounded by a week of lessons.
std::optional<std::int64_t> lesson_end(const LessonWindow& window,
                                       const std::vector<DateRange>& holidays,
                                       i18n::LocalDate day, int end_minute, std::string_view zone) {
  for (int step = 0; step < 7 * kMinutesPerDay; ++step) {
    if (end_minute == kMinutesPerDay) {
      const auto next_day = i18n::add_days(day, 1);
      const auto next = slots_on(window, i18n::weekday_of(next_day));
      if (on_holiday(holidays, next_day) || next.empty() || next.front().start_minute != 0) break;
      day = next_day;
      end_minute = next.front().end_minute;
      continue;
    }
    const auto today = slots_on(window, i18n::weekday_of(day));
    auto follows = std::find_if(today.begin(), today.end(), [&](const LessonSlot& s) {
      return s.start_minute == end_minute;
    });
    if (follows == today.end()) break;
    end_minute = follows->end_minute;
  }
  return i18n::utc_of_local(day, end_minute, zone);
}

}  // namespace

LessonState lesson_state_at(const LessonWindow& window, std::int64_t now, std::string_view zone) {
  LessonState state;
  state.time_zone = i18n::is_time_zone(zone) ? std::string(zone) : std::string("UTC");
  if (window.mode == LessonMode::always) return state;
  state.open = false;
  if (window.mode == LessonMode::closed) return state;
  const auto local = i18n::local_time(now, state.time_zone);
  if (!local) return state;
  const auto holidays = holiday_ranges(window);
  if (!on_holiday(holidays, local->date)) {
    for (const auto& slot : slots_on(window, local->weekday)) {
      if (slot.start_minute <= local->minute_of_day && local->minute_of_day < slot.end_minute) {
        state.open = true;
        if (auto end = lesson_end(window, holidays, local->date, slot.end_minute,
                                  state.time_zone)) {
          state.closes_at = iso8601_at(*end);
        }
        return state;
      }
    }
  }
  for (int d = 0; d <= kLessonSearchDays; ++d) {
    const auto day = i18n::add_days(local->date, d);
    if (on_holiday(holidays, day)) continue;
    for (const auto& slot : slots_on(window, i18n::weekday_of(day))) {
      const auto start = i18n::utc_of_local(day, slot.start_minute, state.time_zone);
      if (start && *start > now) {
        state.opens_at = iso8601_at(*start);
        return state;
      }
    }
  }
  return state;
}

Status check_lesson_window(const LessonWindow& window) {
  if (window.slots.size() > static_cast<std::size_t>(kMaxLessonSlots) ||
      window.holidays.size() > static_cast<std::size_t>(kMaxHolidays)) {
    return make_error(ErrorCode::invalid_input, "classes-error-lesson-count",
                      {{"max_slots", std::int64_t{kMaxLessonSlots}},
                       {"max_holidays", std::int64_t{kMaxHolidays}}});
  }
  for (std::size_t i = 0; i < window.slots.size(); ++i) {
    const auto& s = window.slots[i];
    if (s.weekday < 1 || s.weekday > 7 || s.start_minute < 0 || s.start_minute >= s.end_minute ||
        s.end_minute > kMinutesPerDay) {
      return make_error(ErrorCode::invalid_input, "classes-error-lesson-slot",
                        {{"slot", static_cast<std::int64_t>(i + 1)}});
    }
  }
  for (std::size_t i = 0; i < window.slots.size(); ++i) {
    for (std::size_t j = i + 1; j < window.slots.size(); ++j) {
      const auto& a = window.slots[i];
      const auto& b = window.slots[j];
      if (a.weekday == b.weekday && a.start_minute < b.end_minute &&
          b.start_minute < a.end_minute) {
        return make_error(ErrorCode::invalid_input, "classes-error-lesson-overlap",
                          {{"first", static_cast<std::int64_t>(i + 1)},
                           {"second", static_cast<std::int64_t>(j + 1)}});
      }
    }
  }
  for (std::size_t i = 0; i < window.holidays.size(); ++i) {
    const auto& h = window.holidays[i];
    const auto first = i18n::parse_local_date(h.first_day);
    const auto last = i18n::parse_local_date(h.last_day);
    if (!first || !last || *last < *first) {
      return make_error(ErrorCode::invalid_input, "classes-error-holiday",
                        {{"holiday", static_cast<std::int64_t>(i + 1)}});
    }
    if (i18n::add_days(*first, kMaxHolidayDays - 1) < *last) {
      return make_error(ErrorCode::invalid_input, "classes-error-holiday-long",
                        {{"max", std::int64_t{kMaxHolidayDays}}});
    }
    for (std::size_t j = 0; j < i; ++j) {
      if (window.holidays[j].first_day == h.first_day) {
        return make_error(ErrorCode::invalid_input, "classes-error-holiday",
                          {{"holiday", static_cast<std::int64_t>(i + 1)}});
      }
    }
  }
  if (window.mode == LessonMode::lessons && window.slots.empty()) {
    return make_error(ErrorCode::invalid_input, "classes-error-lesson-none");
  }
  return Ok{};
}

std::string lesson_window_summary(const LessonWindow& window) {
  std::string out(lesson_mode_name(window.mode));
  auto slots = window.slots;
  std::sort(slots.begin(), slots.end(), [](const LessonSlot& a, const LessonSlot& b) {
    return a.weekday != b.weekday ? a.weekday < b.weekday : a.start_minute < b.start_minute;
  });
  for (std::size_t i = 0; i < slots.size(); ++i) {
    out += i == 0 ? "; " : ", ";
    out += std::to_string(slots[i].weekday) + " " + clock_text(slots[i].start_minute) + "-" +
           clock_text(slots[i].end_minute);
  }
  for (std::size_t i = 0; i < window.holidays.size(); ++i) {
    out += i == 0 ? "; holidays " : ", ";
    out += window.holidays[i].first_day + ".." + window.holidays[i].last_day;
  }
  return out;
}

}  // namespace policy
}  // namespace kidwiki::engine

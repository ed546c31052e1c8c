// What the class page and the classes API both do with a lesson window: read clock times as
// people write them, and show a window with its state. The rule (what is open when, what is a
// valid window) is the engine's (engine/classes.h); this only turns text into its types and back.
#pragma once

#include <optional>
#include <string>
#include <string_view>

#include <nlohmann/json.hpp>

#include "engine/classes.h"

namespace kidwiki::web {

// "09:00" or "9:00" as minutes of the day, "24:00" the end of the day (1440); empty for anything
// else ("9h", "25:00", "09:60").
std::optional<int> parse_clock(std::string_view text);
// 570 as "09:30", 1440 as "24:00".
std::string clock_text(int minute);

// {mode, slots: [{weekday, start, end}], holidays: [{first_day, last_day}], open, opens_at,
// closes_at, time_zone}: the window and its state now, as the API shows it (docs/api.md).
nlohmann::json lesson_window_json(const engine::LessonWindow& window,
                                  const engine::LessonState& state);

// The window a PUT body describes (docs/api.md): `mode` required, `slots` and `holidays` as lists
// replacing `current`'s when present. invalid_input with the field's or the engine's message.
engine::Result<engine::LessonWindow> lesson_window_from_json(const nlohmann::json& body,
                                                             const engine::LessonWindow& current);

}  // namespace kidwiki::web

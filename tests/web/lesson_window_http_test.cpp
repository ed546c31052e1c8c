// Lesson windows through HTTP (issue 15): the classes API shows and sets a class's window (400 for
// each kind of bad input, 401/403 outside its scope); the save API refuses a pupil outside the
// window with 403, code "closed", the kind message and when editing opens; the edit form shows
// the same notice, keeps the pupil's text when a save is refused, and saves that text once the
// teacher switches editing on; the class page shows the state, the one button and the form.
#include <doctest/doctest.h>

#include <ctime>

#include "html_test_util.h"
#include "i18n/local_time.h"
#include "i18n/messages.h"
#include "i18n/time_zone.h"
#include "class_server.h"
#include "test_server.h"

using namespace kidwiki::web::testing;
using nlohmann::json;
namespace engine = kidwiki::engine;
namespace i18n = kidwiki::i18n;

namespace {

struct LessonServer : ClassServer {
  std::int64_t base = server.save("en", "Tiger", "Tigers are big cats.\n");

  std::string class_path(const std::string& suffix = "") {
    return "/api/v1/classes/" + std::to_string(year5.id) + suffix;
  }
  httplib::Result put_window(httplib::Client& client, const json& body) {
    return client.Put(class_path("/lesson-window"), body.dump(), "application/json");
  }
  engine::LessonWindow window() {
    return server.wiki().classes().lesson_window(TestServer::console(), year5.id).value();
  }
  // What the pupil works on: their pending text, else what readers see.
  std::string pupil_text() {
    auto& wiki = server.wiki();
    const auto en = *wiki.edition("en");
    auto own = wiki.read_own(server.actor(pupil_login.user.id), en,
                             wiki.parse_title(en, "Tiger").value());
    return own ? own->markdown : "(none)";
  }
};

// Lessons all day every day, but today and tomorrow (in the wiki's zone) are a holiday: closed
// now whatever the hour, and opening the day after tomorrow at midnight.
struct HolidayNow {
  json body;
  std::string opens_at;
};

HolidayNow holiday_now() {
  const std::string zone = i18n::display_time_zone();
  const auto today = i18n::local_time(std::time(nullptr), zone)->date;
  json slots = json::array();
  for (int day = 1; day <= 7; ++day) slots.push_back({{"weekday", day}, {"start", "00:00"}, {"end", "24:00"}});
  HolidayNow out;
  out.body = {{"mode", "lessons"},
              {"slots", slots},
              {"holidays", json::array({{{"first_day", i18n::format_local_date(today)},
                                         {"last_day", i18n::format_local_date(i18n::add_days(today, 1))}}})}};
  const auto opens = *i18n::utc_of_local(i18n::add_days(today, 2), 0, zone);
  const std::time_t t = opens;
  std::tm tm{};
  gmtime_r(&t, &tm);
  char buf[32];
  std::strftime(buf, sizeof buf, "%Y-%m-%dT%H:%M:%SZ", &tm);
  out.opens_at = buf;
  return out;
}

std::string en_msg(std::string_view id, const i18n::MessageArgs& args = {}) {
  return i18n::Messages::builtin().format("en", id, args);
}

httplib::MultipartFormDataItems save_items(const std::string& text, std::int64_t base) {
  return {{"action", "submit", "", ""},
          {"wpTextbox", text, "", ""},
          {"wpSummary", "my part", "", ""},
          {"wpBaseRevId", std::to_string(base), "", ""},
          {"wpSave", "1", "", ""}};
}

}  // namespace

TEST_CASE("the classes API shows a class's lesson window and sets it") {
  LessonServer s;
  auto got = s.teacher->Get(s.class_path());
  REQUIRE(got->status == 200);
  const json window = json_of(got)["lesson_window"];
  CHECK(window["mode"] == "always");
  CHECK(window["slots"] == json::array());
  CHECK(window["holidays"] == json::array());
  CHECK(window["open"] == true);
  CHECK(window["opens_at"].is_null());
  CHECK(window["time_zone"] == i18n::display_time_zone());

  const json body = {{"mode", "lessons"},
                     {"slots", {{{"weekday", 3}, {"start", "9:00"}, {"end", "12:00"}},
                                {{"weekday", 1}, {"start", "13:30"}, {"end", "15:00"}},
                                {{"weekday", 1}, {"start", "09:00"}, {"end", "10:30"}}}},
                     {"holidays", {{{"first_day", "2026-12-19"}, {"last_day", "2027-01-03"}},
                                   {{"first_day", "2026-11-11"}}}}};
  auto set = s.put_window(*s.teacher, body);
  REQUIRE(set->status == 200);
  const json saved = json_of(set)["lesson_window"];
  CHECK(saved["mode"] == "lessons");
  CHECK(saved["slots"] == json::parse(R"([{"weekday":1,"start":"09:00","end":"10:30"},
      {"weekday":1,"start":"13:30","end":"15:00"},{"weekday":3,"start":"09:00","end":"12:00"}])"));
  CHECK(saved["holidays"] == json::parse(R"([{"first_day":"2026-11-11","last_day":"2026-11-11"},
      {"first_day":"2026-12-19","last_day":"2027-01-03"}])"));
  CHECK(saved["open"].is_boolean());
  CHECK(json_of(s.teacher->Get(s.class_path()))["lesson_window"] == saved);

  // `mode` alone is the one button: the timetable stays.
  auto off = s.put_window(*s.teacher, {{"mode", "closed"}});
  REQUIRE(off->status == 200);
  CHECK(json_of(off)["lesson_window"]["mode"] == "closed");
  CHECK(json_of(off)["lesson_window"]["open"] == false);
  CHECK(json_of(off)["lesson_window"]["opens_at"].is_null());
  CHECK(s.window().slots.size() == 3);
  // Lists replace the old ones; an absent list stays.
  auto changed = s.put_window(*s.teacher, {{"mode", "lessons"}, {"holidays", json::array()}});
  REQUIRE(changed->status == 200);
  CHECK(s.window().slots.size() == 3);
  CHECK(s.window().holidays.empty());

  const auto audit = json_of(s.teacher->Get("/api/v1/audit?class=" + std::to_string(s.year5.id)));
  std::vector<std::string> actions;
  for (const auto& entry : audit["entries"]) {
    const std::string action = entry["action"];
    if (action == "lesson-window" || action.starts_with("editing-")) actions.push_back(action);
  }
  CHECK(actions == std::vector<std::string>{"lesson-window", "editing-off", "lesson-window"});
}

TEST_CASE("a bad lesson window gets 400 and its reason, and changes nothing") {
  LessonServer s;
  struct Row {
    const char* name;
    std::string body;
    std::string message;
  };
  const Row rows[] = {
      {"no mode", R"({"slots": []})", en_msg("api-error-missing-field", {{"field", "mode"}})},
      {"unknown mode", R"({"mode": "sometimes"})", en_msg("classes-error-lesson-mode")},
      {"mode not a string", R"({"mode": 2})", en_msg("classes-error-lesson-mode")},
      {"slots not a list", R"({"mode": "lessons", "slots": {}})",
       en_msg("api-error-expected-array", {{"field", "slots"}})},
      {"holidays not a list", R"({"mode": "always", "holidays": "summer"})",
       en_msg("api-error-expected-array", {{"field", "holidays"}})},
      {"unreadable time", R"({"mode": "lessons", "slots": [{"weekday": 1, "start": "9h", "end": "10:00"}]})",
       en_msg("classes-error-lesson-slot", {{"slot", 1}})},
      {"25 o'clock", R"({"mode": "lessons", "slots": [{"weekday": 1, "start": "09:00", "end": "25:00"}]})",
       en_msg("classes-error-lesson-slot", {{"slot", 1}})},
      {"weekday name", R"({"mode": "lessons", "slots": [{"weekday": "monday", "start": "09:00", "end": "10:00"}]})",
       en_msg("classes-error-lesson-slot", {{"slot", 1}})},
      {"weekday 8", R"({"mode": "lessons", "slots": [{"weekday": 1, "start": "08:00", "end": "09:00"}, {"weekday": 8, "start": "09:00", "end": "10:00"}]})",
       en_msg("classes-error-lesson-slot", {{"slot", 2}})},
      {"empty slot", R"({"mode": "lessons", "slots": [{"weekday": 1, "start": "09:00", "end": "09:00"}]})",
       en_msg("classes-error-lesson-slot", {{"slot", 1}})},
      {"overlap", R"({"mode": "lessons", "slots": [{"weekday": 2, "start": "09:00", "end": "10:30"}, {"weekday": 2, "start": "10:00", "end": "11:00"}]})",
       en_msg("classes-error-lesson-overlap", {{"first", 1}, {"second", 2}})},
      {"lessons without one", R"({"mode": "lessons", "slots": []})", en_msg("classes-error-lesson-none")},
      {"bad date", R"({"mode": "always", "holidays": [{"first_day": "2026-02-30", "last_day": "2026-03-02"}]})",
       en_msg("classes-error-holiday", {{"holiday", 1}})},
      {"holiday not an object", R"({"mode": "always", "holidays": ["2026-05-01"]})",
       en_msg("classes-error-holiday", {{"holiday", 1}})},
      {"holiday too long", R"({"mode": "always", "holidays": [{"first_day": "2026-01-01", "last_day": "2027-06-01"}]})",
       en_msg("classes-error-holiday-long", {{"max", 366}})},
  };
  for (const auto& row : rows) {
    CAPTURE(row.name);
    auto res = s.teacher->Put(s.class_path("/lesson-window"), row.body, "application/json");
    REQUIRE(res);
    CHECK(res->status == 400);
    CHECK(error_code_of(res) == "invalid_input");
    CHECK(json_of(res)["error"]["message"] == row.message);
  }
  json many = json::array();
  for (int i = 0; i < engine::kMaxLessonSlots + 1; ++i) {
    many.push_back({{"weekday", 1}, {"start", "00:00"}, {"end", "00:01"}});
  }
  auto too_many = s.put_window(*s.teacher, {{"mode", "lessons"}, {"slots", many}});
  CHECK(too_many->status == 400);
  CHECK(s.teacher->Put(s.class_path("/lesson-window"), "{", "application/json")->status == 400);
  CHECK(s.teacher->Put(s.class_path("/lesson-window"), "mode=closed", "text/plain")->status == 400);
  CHECK(s.window().mode == engine::LessonMode::always);

  // Who may: its teacher and admins; a reader is asked to log in.
  CHECK(s.put_window(*s.other, {{"mode", "closed"}})->status == 403);
  CHECK(s.put_window(*s.pupil, {{"mode", "closed"}})->status == 403);
  CHECK(s.server.anonymous().Put(s.class_path("/lesson-window"), R"({"mode": "closed"})",
                                 "application/json")->status == 401);
  CHECK(s.other->Get(s.class_path())->status == 403);
  CHECK(s.teacher->Put("/api/v1/classes/999999/lesson-window", R"({"mode": "closed"})",
                       "application/json")->status == 404);
  // The body is checked before the class it names, as every classes route does.
  CHECK(s.teacher->Put("/api/v1/classes/999999/lesson-window", "{", "application/json")->status ==
        400);
  CHECK(s.teacher->Put("/api/v1/classes/x/lesson-window", R"({"mode": "closed"})",
                       "application/json")->status == 400);
  CHECK(s.server.client().Put(s.class_path("/lesson-window"), R"({"mode": "closed"})",
                              "application/json")->status == 200);  // the admin
  CHECK(s.window().mode == engine::LessonMode::closed);
}

TEST_CASE("the save API refuses a pupil outside the window with 403 and when it opens") {
  LessonServer s;
  std::int64_t base = s.base;
  auto put = [&](httplib::Client& client, const std::string& text) {
    json body = {{"markdown", text}, {"summary", ""}, {"base_revision_id", base}};
    return client.Put("/api/v1/en/pages/Tiger", body.dump(), "application/json");
  };
  REQUIRE(s.put_window(*s.teacher, {{"mode", "closed"}})->status == 200);
  auto refused = put(*s.pupil, "Tigers are big cats.\nThey swim.\n");
  REQUIRE(refused);
  CHECK(refused->status == 403);
  CHECK(error_code_of(refused) == "closed");
  CHECK(json_of(refused)["error"]["message"] == en_msg("edit-error-editing-off"));
  CHECK_FALSE(json_of(refused)["error"].contains("opens_at"));
  CHECK(s.pupil_text() == "Tigers are big cats.");
  // The teacher is never limited; reading never is.
  auto by_teacher = put(*s.teacher, "Tigers are big cats.\nThey are striped.\n");
  CHECK(by_teacher->status == 200);
  base = json_of(by_teacher)["revision_id"];
  CHECK(s.pupil->Get("/api/v1/en/pages/Tiger")->status == 200);
  CHECK(s.pupil->Get("/en/wiki/Tiger")->status == 200);

  const auto holiday = holiday_now();
  REQUIRE(s.put_window(*s.teacher, holiday.body)->status == 200);
  refused = put(*s.pupil, "Tigers are big cats.\nThey swim.\n");
  CHECK(refused->status == 403);
  CHECK(error_code_of(refused) == "closed");
  CHECK(json_of(refused)["error"]["opens_at"] == holiday.opens_at);
  CHECK(json_of(refused)["error"]["message"] ==
        en_msg("edit-error-lesson-closed", {{"when", holiday.opens_at}}));
  CHECK(json_of(s.teacher->Get(s.class_path()))["lesson_window"]["opens_at"] == holiday.opens_at);

  REQUIRE(s.put_window(*s.teacher, {{"mode", "always"}})->status == 200);
  auto saved = put(*s.pupil, "Tigers are big cats.\nThey are striped.\nThey swim.\n");
  CHECK(saved->status == 200);
  CHECK(s.pupil_text() == "Tigers are big cats.\nThey are striped.\nThey swim.");
}

TEST_CASE("outside the window the edit form says so kindly and a refused save keeps the text") {
  LessonServer s;
  REQUIRE(s.put_window(*s.teacher, {{"mode", "closed"}})->status == 200);
  const std::string notice = page_msg("en", "edit-error-editing-off");
  auto form = s.pupil->Get("/en/wiki/Tiger?action=edit");
  REQUIRE(form);
  CHECK(form->status == 200);  // the pupil may write, and keep a draft
  CHECK(has(form->body, notice));
  CHECK(has(form->body, "lesson-closed-notice"));
  CHECK(textbox_of(form->body) == "Tigers are big cats.");

  const std::string typed = "Tigers are big cats.\nThey can swim <very> well & love water.\n";
  auto refused = s.pupil->Post("/en/wiki/Tiger", save_items(typed, s.base));
  REQUIRE(refused);
  CHECK(refused->status == 403);
  CHECK(has(refused->body, notice));
  CHECK(textbox_of(refused->body) == html_escaped(typed));
  CHECK(has(refused->body, "data-unsaved"));
  CHECK(has(refused->body, "value=\"my part\""));
  CHECK(s.pupil_text() == "Tigers are big cats.");

  // A teacher's form has no notice.
  CHECK_FALSE(has(s.teacher->Get("/en/wiki/Tiger?action=edit")->body, "lesson-closed-notice"));

  // The teacher switches editing on: the same text, sent again, is saved.
  auto on = post_form(*s.teacher, s.dashboard(), {{"wpAction", "lesson-on"}});
  REQUIRE(on->status == 303);
  CHECK_FALSE(has(s.pupil->Get("/en/wiki/Tiger?action=edit")->body, "lesson-closed-notice"));
  auto saved = s.pupil->Post("/en/wiki/Tiger", save_items(typed, s.base));
  REQUIRE(saved);
  CHECK(saved->status == 303);
  CHECK(s.pupil_text() + "\n" == typed);
}

TEST_CASE("the class page shows the window, switches editing off and on, and sets the lessons") {
  LessonServer s;
  auto page = s.teacher->Get(s.dashboard().c_str());
  REQUIRE(page->status == 200);
  CHECK(has(page->body, page_msg("en", "classes-lesson-heading")));
  CHECK(has(page->body, page_msg("en", "classes-lesson-open-now")));
  CHECK(has(page->body, page_msg("en", "classes-lesson-switch-off")));
  CHECK(has(page->body, page_msg("en", "classes-weekday-1")));
  CHECK(has(page->body, page_msg("en", "classes-lesson-zone", {{"zone", i18n::display_time_zone()}})));

  auto off = post_form(*s.teacher, s.dashboard(), {{"wpAction", "lesson-off"}});
  REQUIRE(off->status == 303);
  CHECK(off->get_header_value("Location") == s.dashboard() + "#lesson-heading");
  CHECK(s.window().mode == engine::LessonMode::closed);
  page = s.teacher->Get(s.dashboard().c_str());
  CHECK(has(page->body, page_msg("en", "classes-lesson-closed-off")));
  CHECK(has(page->body, page_msg("en", "classes-lesson-switch-on")));
  CHECK_FALSE(has(page->body, page_msg("en", "classes-lesson-follow")));  // no lessons yet

  // A lesson that cannot be read: the form comes back with what was typed.
  auto bad = post_form(*s.teacher, s.dashboard(),
                       {{"wpAction", "lesson-window"}, {"wpLessonMode", "lessons"},
                        {"wpSlotDay", "2"}, {"wpSlotStart", "08:30"}, {"wpSlotEnd", "10:00"},
                        {"wpSlotDay", "4"}, {"wpSlotStart", "14h"}, {"wpSlotEnd", "15:00"},
                        {"wpSlotDay", ""}, {"wpSlotStart", ""}, {"wpSlotEnd", ""},
                        {"wpHolidayFirst", "2026-12-19"}, {"wpHolidayLast", "2027-01-03"}});
  REQUIRE(bad);
  CHECK(bad->status == 400);
  CHECK(has(bad->body, page_msg("en", "classes-error-lesson-slot", {{"slot", 2}})));
  CHECK(has(bad->body, "value=\"14h\""));
  CHECK(has(bad->body, "value=\"2026-12-19\""));
  CHECK(s.window().mode == engine::LessonMode::closed);
  CHECK(s.window().slots.empty());

  auto overlap = post_form(*s.teacher, s.dashboard(),
                           {{"wpAction", "lesson-window"}, {"wpLessonMode", "lessons"},
                            {"wpSlotDay", "2"}, {"wpSlotStart", "08:30"}, {"wpSlotEnd", "10:00"},
                            {"wpSlotDay", "2"}, {"wpSlotStart", "09:30"}, {"wpSlotEnd", "11:00"}});
  CHECK(overlap->status == 400);
  CHECK(has(overlap->body, page_msg("en", "classes-error-lesson-overlap", {{"first", 1}, {"second", 2}})));

  auto set = post_form(*s.teacher, s.dashboard(),
                       {{"wpAction", "lesson-window"}, {"wpLessonMode", "lessons"},
                        {"wpSlotDay", "2"}, {"wpSlotStart", "08:30"}, {"wpSlotEnd", "10:00"},
                        {"wpSlotDay", "2"}, {"wpSlotStart", "10:00"}, {"wpSlotEnd", "11:00"},
                        {"wpSlotDay", ""}, {"wpSlotStart", "12:00"}, {"wpSlotEnd", "13:00"},
                        {"wpHolidayFirst", "2026-12-19"}, {"wpHolidayLast", "2027-01-03"},
                        {"wpHolidayFirst", "2026-11-11"}, {"wpHolidayLast", ""},
                        {"wpHolidayFirst", ""}, {"wpHolidayLast", ""}});
  REQUIRE(set);
  CHECK(set->status == 303);
  const auto window = s.window();
  CHECK(window.mode == engine::LessonMode::lessons);
  CHECK(window.slots == std::vector<engine::LessonSlot>{{2, 510, 600}, {2, 600, 660}});
  CHECK(window.holidays == std::vector<engine::Holiday>{{"2026-11-11", "2026-11-11"},
                                                       {"2026-12-19", "2027-01-03"}});
  page = s.teacher->Get(s.dashboard().c_str());
  CHECK(has(page->body, "value=\"08:30\""));
  CHECK(has(page->body, "<option value=\"2\" selected>"));
  CHECK(has(page->body, "name=\"wpLessonMode\" value=\"lessons\" checked"));

  // Switched off again, "follow the lessons" comes back to them.
  REQUIRE(post_form(*s.teacher, s.dashboard(), {{"wpAction", "lesson-off"}})->status == 303);
  page = s.teacher->Get(s.dashboard().c_str());
  CHECK(has(page->body, page_msg("en", "classes-lesson-follow")));
  REQUIRE(post_form(*s.teacher, s.dashboard(), {{"wpAction", "lesson-follow"}})->status == 303);
  CHECK(s.window().mode == engine::LessonMode::lessons);
  CHECK(s.window().slots.size() == 2);

  // Nobody else changes it.
  CHECK(post_form(*s.other, s.dashboard(), {{"wpAction", "lesson-off"}})->status == 403);
  CHECK(post_form(*s.pupil, s.dashboard(), {{"wpAction", "lesson-off"}})->status == 403);
  CHECK(post_form(*s.teacher, s.dashboard(), {{"wpAction", "lesson-window"}, {"wpLessonMode", "x"}})
            ->status == 400);
  CHECK(s.window().mode == engine::LessonMode::lessons);
}

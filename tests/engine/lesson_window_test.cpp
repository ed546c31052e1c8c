// Lesson windows (issue 15): the rule on its own (open or closed at an instant, the next opening
// and the end of a lesson, across holidays and summer-time changes), the validation of a window,
// and the policy through the Wiki with a clock the test sets: a pupil of the class is refused
// outside the window (saves, reverts, moves, uploads) and nothing is written, allowed inside;
// teachers, moderators, admins and pupils of other classes never are; the one button; the audit
// log; the scope of who may see and change a window.
#include <doctest/doctest.h>

#include <algorithm>
#include <cstdio>
#include <ctime>
#include <memory>

#include "i18n/time_zone.h"
#include "policy/lesson_schedule.h"
#include "wiki_fixture.h"

using namespace kidwiki::engine;
using kidwiki::testing::WikiFixture;

namespace {

// "2026-03-27T08:00:00Z" as seconds since 1970.
std::int64_t utc(const char* iso) {
  std::tm t{};
  REQUIRE(std::sscanf(iso, "%4d-%2d-%2dT%2d:%2d:%2dZ", &t.tm_year, &t.tm_mon, &t.tm_mday,
                      &t.tm_hour, &t.tm_min, &t.tm_sec) == 6);
  t.tm_year -= 1900;
  t.tm_mon -= 1;
  return timegm(&t);
}

// The wiki's display zone for one test, given back afterwards: the rule reads slots in it.
struct DisplayZone {
  std::string before = kidwiki::i18n::display_time_zone();
  explicit DisplayZone(const char* zone) { REQUIRE(kidwiki::i18n::set_display_time_zone(zone)); }
  ~DisplayZone() { kidwiki::i18n::set_display_time_zone(before); }
};

constexpr int hm(int h, int m) { return h * 60 + m; }

// Mondays 09:00-10:30 and 13:30-15:00, Wednesdays 09:00-12:00; the Easter week off.
LessonWindow school_week() {
  LessonWindow w;
  w.mode = LessonMode::lessons;
  w.slots = {{1, hm(9, 0), hm(10, 30)}, {1, hm(13, 30), hm(15, 0)}, {3, hm(9, 0), hm(12, 0)}};
  w.holidays = {{"2026-04-06", "2026-04-10"}};
  return w;
}

std::string text_arg(const Error& e, const std::string& name) {
  for (const auto& [key, value] : e.args) {
    if (key == name) return std::get<std::string>(value);
  }
  return "(none)";
}

struct LessonFixture : WikiFixture {
  std::shared_ptr<std::int64_t> now = std::make_shared<std::int64_t>(utc("2026-03-30T07:30:00Z"));
  DisplayZone zone{"Europe/Paris"};
  std::int64_t teacher = 0, other_teacher = 0, moderator = 0, admin = 0;
  std::int64_t pupil = 0, trusted_pupil = 0, other_pupil = 0, lone_pupil = 0;
  SchoolClass cm1, ce2;

  LessonFixture() : WikiFixture(false, 0, true) {
    options.clock = [clock = now] { return *clock; };
    reopen();
    teacher = make_user("Mme Martin", Role::teacher);
    other_teacher = make_user("M Durand", Role::teacher);
    moderator = make_user("Modo", Role::moderator);
    admin = make_user("Admin", Role::admin);
    cm1 = classes().create_class(actor(teacher), "CM1 B", "fr", true).value();
    ce2 = classes().create_class(actor(other_teacher), "CE2", "fr", true).value();
    pupil = make_user("Léa", Role::pupil, cm1.id);
    trusted_pupil = make_user("Tom", Role::pupil, cm1.id);
    REQUIRE(classes().set_trusted(actor(teacher), trusted_pupil, true).ok());
    other_pupil = make_user("Inès", Role::pupil, ce2.id);
    lone_pupil = make_user("Noé", Role::pupil);
    REQUIRE(save(fr, "Cheval", "Le cheval galope.\n").ok());
  }
  Classes& classes() { return wiki->classes(); }
  void at(const char* iso) { *now = utc(iso); }
  // A save of "Cheval" from the version `who` works on.
  Status edit(std::int64_t who, const std::string& text) {
    auto own = wiki->read_own(actor(who), fr, title(fr, "Cheval"));
    REQUIRE(own);
    auto saved = save_as(actor(who), fr, "Cheval", text, own->revision.id);
    if (!saved) return saved.error();
    return Ok{};
  }
};

}  // namespace

TEST_CASE("the lesson rule: open in a lesson, the next opening outside, holidays and DST") {
  const LessonWindow week = school_week();
  LessonWindow chained;  // lessons that follow each other, across midnight too
  chained.mode = LessonMode::lessons;
  chained.slots = {{2, hm(9, 0), hm(10, 0)}, {2, hm(10, 0), hm(11, 0)}, {7, hm(22, 0), 1440},
                   {1, 0, hm(1, 0)}};
  struct Row {
    const char* name;
    const LessonWindow& window;
    const char* now;
    const char* zone;
    bool open;
    const char* opens_at;   // "" for none
    const char* closes_at;  // "" for none
  };
  const Row rows[] = {
      // Friday 09:00 in winter time; the next lesson is Monday 09:00 in summer time (UTC+2).
      {"friday before the change", week, "2026-03-27T08:00:00Z", "Europe/Paris", false,
       "2026-03-30T07:00:00Z", ""},
      {"a minute before the lesson", week, "2026-03-30T06:59:00Z", "Europe/Paris", false,
       "2026-03-30T07:00:00Z", ""},
      {"its first minute", week, "2026-03-30T07:00:00Z", "Europe/Paris", true, "",
       "2026-03-30T08:30:00Z"},
      {"its end is closed", week, "2026-03-30T08:30:00Z", "Europe/Paris", false,
       "2026-03-30T11:30:00Z", ""},
      {"the afternoon lesson", week, "2026-03-30T12:00:00Z", "Europe/Paris", true, "",
       "2026-03-30T13:00:00Z"},
      // After Wednesday's lesson, the Easter week is off: the next lesson is on 13 April.
      {"before the holidays", week, "2026-04-01T10:00:00Z", "Europe/Paris", false,
       "2026-04-13T07:00:00Z", ""},
      {"a lesson's hour on a holiday", week, "2026-04-06T07:30:00Z", "Europe/Paris", false,
       "2026-04-13T07:00:00Z", ""},
      {"the holiday's last day", week, "2026-04-08T08:00:00Z", "Europe/Paris", false,
       "2026-04-13T07:00:00Z", ""},
      // Back in winter time: Monday 09:00 is 08:00 UTC again.
      {"friday after the autumn change", week, "2026-10-23T09:00:00Z", "Europe/Paris", false,
       "2026-10-26T08:00:00Z", ""},
      {"monday in winter time", week, "2026-10-26T08:15:00Z", "Europe/Paris", true, "",
       "2026-10-26T09:30:00Z"},
      // The same wall-clock lessons in a zone without summer time.
      {"tokyo lesson", week, "2026-03-30T00:00:00Z", "Asia/Tokyo", true, "", "2026-03-30T01:30:00Z"},
      {"tokyo after school", week, "2026-03-30T07:00:00Z", "Asia/Tokyo", false,
       "2026-04-01T00:00:00Z", ""},
      {"lessons back to back", chained, "2026-03-31T07:30:00Z", "Europe/Paris", true, "",
       "2026-03-31T09:00:00Z"},
      {"through midnight", chained, "2026-03-29T21:00:00Z", "Europe/Paris", true, "",
       "2026-03-29T23:00:00Z"},
  };
  for (const auto& row : rows) {
    CAPTURE(std::string(row.name));
    const auto state = policy::lesson_state_at(row.window, utc(row.now), row.zone);
    CHECK(state.open == row.open);
    CHECK(state.opens_at.value_or("") == row.opens_at);
    CHECK(state.closes_at.value_or("") == row.closes_at);
    CHECK(state.time_zone == row.zone);
  }
  LessonWindow off = week;
  off.mode = LessonMode::closed;
  const auto closed = policy::lesson_state_at(off, utc("2026-03-30T07:30:00Z"), "Europe/Paris");
  CHECK_FALSE(closed.open);
  CHECK_FALSE(closed.opens_at);
  LessonWindow always = week;
  always.mode = LessonMode::always;
  CHECK(policy::lesson_state_at(always, utc("2026-04-06T20:00:00Z"), "Europe/Paris").open);
  // Holidays that cover every lesson for longer than the search: closed, and no opening to name.
  LessonWindow forever = week;
  for (int year = 2026; year <= 2028; ++year) {
    forever.holidays.push_back({std::to_string(year) + "-01-01", std::to_string(year) + "-12-31"});
  }
  const auto never = policy::lesson_state_at(forever, utc("2026-03-30T07:30:00Z"), "Europe/Paris");
  CHECK_FALSE(never.open);
  CHECK_FALSE(never.opens_at);
}

TEST_CASE("a lesson window is checked before it is kept") {
  struct Row {
    const char* name;
    LessonWindow window;
    const char* message;  // "" when valid
  };
  auto with_slots = [](std::vector<LessonSlot> slots) {
    LessonWindow w;
    w.mode = LessonMode::lessons;
    w.slots = std::move(slots);
    return w;
  };
  auto with_holidays = [&](std::vector<Holiday> holidays) {
    LessonWindow w = with_slots({{1, hm(9, 0), hm(10, 0)}});
    w.holidays = std::move(holidays);
    return w;
  };
  const Row rows[] = {
      {"a school week", school_week(), ""},
      {"always with nothing", LessonWindow{}, ""},
      {"closed keeps its slots", [] { auto w = school_week(); w.mode = LessonMode::closed; return w; }(), ""},
      {"a whole day", with_slots({{7, 0, 1440}}), ""},
      {"back to back", with_slots({{1, hm(9, 0), hm(10, 0)}, {1, hm(10, 0), hm(11, 0)}}), ""},
      {"the same hours on two days", with_slots({{1, hm(9, 0), hm(10, 0)}, {2, hm(9, 0), hm(10, 0)}}), ""},
      {"lessons without a slot", with_slots({}), "classes-error-lesson-none"},
      {"weekday 0", with_slots({{0, hm(9, 0), hm(10, 0)}}), "classes-error-lesson-slot"},
      {"weekday 8", with_slots({{8, hm(9, 0), hm(10, 0)}}), "classes-error-lesson-slot"},
      {"empty slot", with_slots({{1, hm(9, 0), hm(9, 0)}}), "classes-error-lesson-slot"},
      {"ends before it starts", with_slots({{1, hm(10, 0), hm(9, 0)}}), "classes-error-lesson-slot"},
      {"past midnight", with_slots({{1, hm(23, 0), 1441}}), "classes-error-lesson-slot"},
      {"negative start", with_slots({{1, -5, hm(9, 0)}}), "classes-error-lesson-slot"},
      {"overlap", with_slots({{1, hm(9, 0), hm(10, 30)}, {1, hm(10, 0), hm(11, 0)}}),
       "classes-error-lesson-overlap"},
      {"the same slot twice", with_slots({{3, hm(9, 0), hm(10, 0)}, {3, hm(9, 0), hm(10, 0)}}),
       "classes-error-lesson-overlap"},
      {"one holiday day", with_holidays({{"2026-05-01", "2026-05-01"}}), ""},
      {"no date", with_holidays({{"", ""}}), "classes-error-holiday"},
      {"not a date", with_holidays({{"2026-02-30", "2026-03-01"}}), "classes-error-holiday"},
      {"other format", with_holidays({{"01/05/2026", "02/05/2026"}}), "classes-error-holiday"},
      {"last before first", with_holidays({{"2026-05-02", "2026-05-01"}}), "classes-error-holiday"},
      {"same first day", with_holidays({{"2026-05-01", "2026-05-01"}, {"2026-05-01", "2026-05-03"}}),
       "classes-error-holiday"},
      {"a year off", with_holidays({{"2026-01-01", "2026-12-31"}}), ""},
      {"366 days", with_holidays({{"2026-01-01", "2027-01-01"}}), ""},
      {"too long", with_holidays({{"2026-01-01", "2027-01-02"}}), "classes-error-holiday-long"},
      {"too many slots", with_slots(std::vector<LessonSlot>(kMaxLessonSlots + 1, {1, 0, 1})),
       "classes-error-lesson-count"},
      {"too many holidays",
       with_holidays(std::vector<Holiday>(kMaxHolidays + 1, {"2026-05-01", "2026-05-01"})),
       "classes-error-lesson-count"},
  };
  for (const auto& row : rows) {
    CAPTURE(std::string(row.name));
    auto checked = policy::check_lesson_window(row.window);
    if (*row.message == 0) {
      CHECK(checked.ok());
    } else {
      REQUIRE_FALSE(checked.ok());
      CHECK(checked.error().code == ErrorCode::invalid_input);
      CHECK(checked.error().message_id == row.message);
    }
  }
  auto overlap = policy::check_lesson_window(
      with_slots({{2, hm(8, 0), hm(9, 0)}, {1, hm(9, 0), hm(10, 30)}, {1, hm(10, 0), hm(11, 0)}}));
  REQUIRE_FALSE(overlap.ok());
  CHECK(overlap.error().args == kidwiki::i18n::MessageArgs{{"first", std::int64_t{2}},
                                                          {"second", std::int64_t{3}}});
}

TEST_CASE("a class edits always until its teacher sets a window, which is kept") {
  LessonFixture f;
  auto window = f.classes().lesson_window(f.actor(f.teacher), f.cm1.id);
  REQUIRE(window);
  CHECK(window->mode == LessonMode::always);
  CHECK(window->slots.empty());
  auto state = f.classes().lesson_state(f.actor(f.teacher), f.cm1.id);
  REQUIRE(state);
  CHECK(state->open);
  CHECK(state->time_zone == "Europe/Paris");

  LessonWindow unsorted = school_week();
  std::swap(unsorted.slots[0], unsorted.slots[2]);
  REQUIRE(f.classes().set_lesson_window(f.actor(f.teacher), f.cm1.id, unsorted).ok());
  f.reopen();
  window = f.classes().lesson_window(f.actor(f.teacher), f.cm1.id);
  REQUIRE(window);
  CHECK(window->mode == LessonMode::lessons);
  CHECK(window->slots == school_week().slots);  // by weekday, then start
  CHECK(window->holidays == school_week().holidays);
  // Monday 09:30 in Paris.
  state = f.classes().lesson_state(f.actor(f.teacher), f.cm1.id);
  CHECK(state->open);
  CHECK(state->closes_at == "2026-03-30T08:30:00Z");
}

TEST_CASE("a pupil of the class edits only inside the window; nobody else is limited") {
  LessonFixture f;
  REQUIRE(f.classes().set_lesson_window(f.actor(f.teacher), f.cm1.id, school_week()).ok());
  f.at("2026-03-30T07:30:00Z");  // Monday 09:30: a lesson
  CHECK(f.edit(f.pupil, "Le cheval galope.\nIl mange du foin.\n").ok());
  CHECK(f.wiki->may_edit(f.actor(f.pupil), f.fr, f.title(f.fr, "Cheval")).ok());

  f.at("2026-03-30T09:00:00Z");  // Monday 11:00: between two lessons
  const auto pending = f.wiki->read_own(f.actor(f.pupil), f.fr, f.title(f.fr, "Cheval"));
  REQUIRE(pending);
  auto refused = f.save_as(f.actor(f.pupil), f.fr, "Cheval", "Le cheval galope.\nIl dort debout.\n",
                           pending->revision.id);
  REQUIRE_FALSE(refused.ok());
  CHECK(refused.error().code == ErrorCode::closed);
  CHECK(refused.error().message_id == "edit-error-lesson-closed");
  CHECK(text_arg(refused.error(), "when") == "2026-03-30T11:30:00Z");  // 13:30 in Paris
  auto may = f.wiki->may_edit(f.actor(f.pupil), f.fr, f.title(f.fr, "Cheval"));
  REQUIRE_FALSE(may.ok());
  CHECK(may.error().message_id == "edit-error-lesson-closed");
  // Nothing was written: the pupil's own version is still the one from the lesson.
  const auto after = f.wiki->read_own(f.actor(f.pupil), f.fr, f.title(f.fr, "Cheval"));
  REQUIRE(after);
  CHECK(after->revision.id == pending->revision.id);
  CHECK(after->markdown == "Le cheval galope.\nIl mange du foin.");
  // A new page, a trusted pupil, a move: refused alike.
  CHECK(f.save_as(f.actor(f.pupil), f.fr, "Zèbre", "Le zèbre.\n").error().code == ErrorCode::closed);
  CHECK(f.edit(f.trusted_pupil, "Le cheval trotte.\n").error().code == ErrorCode::closed);
  auto moved = f.wiki->move(f.actor(f.trusted_pupil), f.fr, f.title(f.fr, "Cheval"),
                            MoveRequest{"Chevaux", true, ""});
  REQUIRE_FALSE(moved.ok());
  CHECK(moved.error().code == ErrorCode::closed);
  UploadRequest upload;
  upload.bytes = "not read: refused first";
  upload.confirmed_nothing_personal = true;
  auto uploaded = f.wiki->upload(f.actor(f.pupil), f.fr, f.title(f.fr, "Fichier:Cheval.jpg"), upload);
  REQUIRE_FALSE(uploaded.ok());
  CHECK(uploaded.error().code == ErrorCode::closed);
  auto history = f.wiki->history(f.actor(f.pupil), f.fr, f.title(f.fr, "Cheval"), 10, std::nullopt);
  REQUIRE(history);
  const auto first_revision = history->items.back().id;
  auto reverted = f.wiki->revert(f.actor(f.trusted_pupil), f.fr, f.title(f.fr, "Cheval"),
                                 first_revision, "");
  REQUIRE_FALSE(reverted.ok());
  CHECK(reverted.error().code == ErrorCode::closed);
  // Reading is never limited.
  CHECK(f.wiki->read(f.actor(f.pupil), f.fr, f.title(f.fr, "Cheval"), true).ok());
  // A refusal no lesson would lift comes first: a protected page is not merely "closed".
  REQUIRE(f.save(f.fr, "Licorne", "La licorne n’existe pas.\n").ok());
  REQUIRE(f.wiki->moderation()
              .protect(f.actor(f.moderator), f.fr, f.title(f.fr, "Licorne"), Protection::trusted, "vandalisme")
              .ok());
  auto protected_page = f.wiki->may_edit(f.actor(f.pupil), f.fr, f.title(f.fr, "Licorne"));
  REQUIRE_FALSE(protected_page.ok());
  CHECK(protected_page.error().message_id == "edit-error-protected-trusted");
  CHECK(f.wiki->may_edit(f.actor(f.trusted_pupil), f.fr, f.title(f.fr, "Licorne")).error().code ==
        ErrorCode::closed);

  // Staff and pupils of other classes, or of none, edit at any hour.
  for (auto who : {f.teacher, f.moderator, f.admin, f.other_pupil, f.lone_pupil}) {
    CAPTURE(who);
    CHECK(f.wiki->may_edit(f.actor(who), f.fr, f.title(f.fr, "Cheval")).ok());
  }
  CHECK(f.save_as(f.actor(f.teacher), f.fr, "Poney", "Le poney est petit.\n").ok());
  CHECK(f.save_as(f.actor(f.other_pupil), f.fr, "Âne", "L’âne brait.\n").ok());

  f.at("2026-03-30T11:45:00Z");  // Monday 13:45: the afternoon lesson
  CHECK(f.save_as(f.actor(f.pupil), f.fr, "Cheval", "Le cheval galope.\nIl dort debout.\n",
                  pending->revision.id)
            .ok());
}

TEST_CASE("the window follows the wall clock across the summer-time change") {
  LessonFixture f;
  LessonWindow mondays;
  mondays.mode = LessonMode::lessons;
  mondays.slots = {{1, hm(9, 0), hm(10, 0)}};
  REQUIRE(f.classes().set_lesson_window(f.actor(f.teacher), f.cm1.id, mondays).ok());
  struct Row {
    const char* now;
    bool allowed;
  };
  const Row rows[] = {
      {"2026-03-23T08:30:00Z", true},   // 09:30 winter time
      {"2026-03-23T07:30:00Z", false},  // 08:30 winter time
      {"2026-03-30T07:30:00Z", true},   // 09:30 summer time
      {"2026-03-30T08:30:00Z", false},  // 10:30 summer time
      {"2026-10-26T08:30:00Z", true},   // 09:30 winter time again
      {"2026-10-26T07:30:00Z", false},
  };
  for (const auto& row : rows) {
    CAPTURE(row.now);
    f.at(row.now);
    CHECK(f.wiki->may_edit(f.actor(f.pupil), f.fr, f.title(f.fr, "Cheval")).ok() == row.allowed);
  }
}

TEST_CASE("holidays close the lessons' hours, and the one button closes everything") {
  LessonFixture f;
  REQUIRE(f.classes().set_lesson_window(f.actor(f.teacher), f.cm1.id, school_week()).ok());
  f.at("2026-04-06T07:30:00Z");  // Easter Monday 09:30, a lesson's hour on a holiday
  auto refused = f.edit(f.pupil, "Le cheval galope.\nPendant les vacances.\n");
  REQUIRE_FALSE(refused.ok());
  CHECK(text_arg(refused.error(), "when") == "2026-04-13T07:00:00Z");

  f.at("2026-03-30T07:30:00Z");  // a lesson
  REQUIRE(f.classes().set_lesson_mode(f.actor(f.teacher), f.cm1.id, LessonMode::closed).ok());
  refused = f.edit(f.pupil, "Le cheval galope.\nBouton.\n");
  REQUIRE_FALSE(refused.ok());
  CHECK(refused.error().code == ErrorCode::closed);
  CHECK(refused.error().message_id == "edit-error-editing-off");
  CHECK(refused.error().args.empty());
  // The timetable stays while editing is off.
  CHECK(f.classes().lesson_window(f.actor(f.teacher), f.cm1.id)->slots == school_week().slots);
  CHECK_FALSE(f.classes().lesson_state(f.actor(f.teacher), f.cm1.id)->open);

  REQUIRE(f.classes().set_lesson_mode(f.actor(f.teacher), f.cm1.id, LessonMode::lessons).ok());
  CHECK(f.edit(f.pupil, "Le cheval galope.\nBouton.\n").ok());
  f.at("2026-03-30T09:00:00Z");  // between lessons
  CHECK_FALSE(f.edit(f.pupil, "Le cheval galope.\nEntre deux cours.\n").ok());
  REQUIRE(f.classes().set_lesson_mode(f.actor(f.teacher), f.cm1.id, LessonMode::always).ok());
  CHECK(f.edit(f.pupil, "Le cheval galope.\nEntre deux cours.\n").ok());

  // `lessons` needs a lesson: a class without slots cannot follow them.
  auto none = f.classes().set_lesson_mode(f.actor(f.other_teacher), f.ce2.id, LessonMode::lessons);
  REQUIRE_FALSE(none.ok());
  CHECK(none.error().message_id == "classes-error-lesson-none");
  CHECK(f.classes().lesson_window(f.actor(f.other_teacher), f.ce2.id)->mode == LessonMode::always);
  // The one button needs none.
  CHECK(f.classes().set_lesson_mode(f.actor(f.other_teacher), f.ce2.id, LessonMode::closed).ok());
  CHECK(f.edit(f.other_pupil, "Fermé.\n").error().message_id == "edit-error-editing-off");
}

TEST_CASE("a window is changed by its teacher and admins only, each change in the audit log") {
  LessonFixture f;
  struct Row {
    const char* name;
    std::int64_t who;
    bool may_see, may_change;
  };
  const Row rows[] = {
      {"its teacher", f.teacher, true, true},     {"an admin", f.admin, true, true},
      {"a moderator", f.moderator, true, false},  {"another teacher", f.other_teacher, false, false},
      {"a pupil", f.pupil, false, false},
  };
  for (const auto& row : rows) {
    CAPTURE(std::string(row.name));
    CHECK(f.classes().lesson_window(f.actor(row.who), f.cm1.id).ok() == row.may_see);
    CHECK(f.classes().lesson_state(f.actor(row.who), f.cm1.id).ok() == row.may_see);
    auto set = f.classes().set_lesson_window(f.actor(row.who), f.cm1.id, school_week());
    CHECK(set.ok() == row.may_change);
    if (!set.ok()) CHECK(set.error().code != ErrorCode::invalid_input);
    CHECK(f.classes().set_lesson_mode(f.actor(row.who), f.cm1.id, LessonMode::closed).ok() ==
          row.may_change);
  }
  CHECK(f.classes().lesson_window(f.actor(f.teacher), f.cm1.id + 100).error().code ==
        ErrorCode::not_found);
  // A refused window changes nothing.
  LessonWindow bad = school_week();
  bad.slots.push_back({1, hm(10, 0), hm(11, 0)});
  REQUIRE_FALSE(f.classes().set_lesson_window(f.actor(f.teacher), f.cm1.id, bad).ok());
  CHECK(f.classes().lesson_window(f.actor(f.teacher), f.cm1.id)->mode == LessonMode::closed);
  REQUIRE(f.classes().set_lesson_mode(f.actor(f.teacher), f.cm1.id, LessonMode::lessons).ok());
  REQUIRE(f.classes().set_lesson_mode(f.actor(f.teacher), f.cm1.id, LessonMode::always).ok());

  AuditQuery query;
  query.class_id = f.cm1.id;
  auto entries = f.wiki->moderation().audit_log(f.actor(f.teacher), query).value();
  std::reverse(entries.begin(), entries.end());  // oldest first
  std::vector<std::pair<std::string, std::int64_t>> lesson_entries;
  for (const auto& e : entries) {
    if (e.target_type != "class" || e.action == "create-class") continue;
    lesson_entries.emplace_back(e.action, *e.actor_id);
    CHECK(e.target_type == "class");
    CHECK(e.target_label == "CM1 B");
  }
  const std::vector<std::pair<std::string, std::int64_t>> expected = {
      {"lesson-window", f.teacher}, {"editing-off", f.teacher},   {"lesson-window", f.admin},
      {"editing-off", f.admin},     {"editing-lessons", f.teacher}, {"editing-on", f.teacher},
  };
  CHECK(lesson_entries == expected);
  const auto window_entry =
      std::find_if(entries.begin(), entries.end(), [](const AuditEntry& e) { return e.action == "lesson-window"; });
  REQUIRE(window_entry != entries.end());
  CHECK(window_entry->reason ==
        "lessons; 1 09:00-10:30, 1 13:30-15:00, 3 09:00-12:00; holidays 2026-04-06..2026-04-10");
}

// Classes: a teacher's group of pupil accounts in one edition. The teacher creates pupils in bulk
// (from first names or as generated pseudonyms) with generated easy-to-type passwords, shown once
// for the printable login cards; then resets passwords, trusts, disables, and archives the class.
// Every change here is written to the audit log in the same transaction.
//
// Lesson windows: when the class's pupils may edit (LessonWindow below); the policy refuses their
// changes outside it (policy/lesson_policy.h).
//
// Scope: a class is seen by its teacher, moderators and admins, and changed by its teacher and
// admins (forbidden otherwise); a pupil outside any class is an admin's.
//
// Thread-safety: every method may be called from many threads at once.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "engine/accounts.h"
#include "engine/actor.h"
#include "engine/result.h"

namespace kidwiki::engine {

struct SchoolClass {
  std::int64_t id = 0;
  std::string name;
  std::string lang;  // the class's edition
  std::int64_t teacher_id = 0;
  std::string teacher_name;
  bool review_required = true;  // pupils' edits wait for review unless the pupil is trusted
  bool archived = false;        // pupils of an archived class cannot log in
  std::string created_at;
};

inline constexpr int kMaxPupilsPerRequest = 60;

// When a class's pupils may change pages (issue 15, "lesson windows"). Reading is never limited,
// and nobody but the class's pupils is: teachers, moderators, admins and pupils in no class edit
// whenever their role lets them. Times are the school's: the wiki's display time zone
// (i18n/time_zone.h, `kidwiki serve --time-zone`), the zone every time on the site is shown in.
enum class LessonMode {
  always,   // editing is open whenever the role allows it (every class starts so)
  closed,   // the teacher's one button: editing is off until they switch it on again
  lessons,  // open only during the weekly slots, and never on a holiday
};

// One weekly lesson: "Monday 09:00 to 10:30". Minutes of the local day, end excluded; a day may
// hold several slots, which neither overlap nor repeat.
struct LessonSlot {
  int weekday = 1;       // ISO 8601: 1 Monday ... 7 Sunday
  int start_minute = 0;  // 0 (00:00) to 1439
  int end_minute = 0;    // start_minute + 1 to 1440 (24:00)
  friend bool operator==(const LessonSlot&, const LessonSlot&) = default;
};

// Days when editing stays closed even in a lesson's hours: local dates, both included.
struct Holiday {
  std::string first_day;  // "2026-12-19"
  std::string last_day;   // "2027-01-03"; equal to first_day for one day
  friend bool operator==(const Holiday&, const Holiday&) = default;
};

struct LessonWindow {
  LessonMode mode = LessonMode::always;
  std::vector<LessonSlot> slots;    // by weekday, then start (kept whatever the mode)
  std::vector<Holiday> holidays;    // by first day
};

inline constexpr int kMaxLessonSlots = 70;  // ten a day
inline constexpr int kMaxHolidays = 50;
inline constexpr int kMaxHolidayDays = 366;

// Whether a class's pupils may edit at one instant, and when that changes.
struct LessonState {
  bool open = true;
  // When closed in the `lessons` mode: the next lesson's start (ISO 8601 UTC), empty when no
  // lesson starts within kLessonSearchDays. Empty for `closed`: the teacher decides when.
  std::optional<std::string> opens_at;
  // When open in the `lessons` mode: the end of the lesson under way (lessons that follow each
  // other without a gap count as one).
  std::optional<std::string> closes_at;
  std::string time_zone;  // the zone the slots are read in
};

inline constexpr int kLessonSearchDays = 800;

// "always", "closed", "lessons"; and back (empty for anything else).
std::string_view lesson_mode_name(LessonMode mode);
std::optional<LessonMode> lesson_mode_named(std::string_view name);

class Classes {
 public:
  virtual ~Classes() = default;

  // A class taught by the actor. invalid_input ("error-class-name") for an empty or over-long
  // name; not_found for an unknown edition; forbidden unless the actor may manage classes.
  virtual Result<SchoolClass> create_class(const Actor& actor, std::string_view name,
                                           std::string_view lang, bool review_required) = 0;
  // not_found ("error-class-not-found") or forbidden ("error-class-forbidden").
  virtual Result<SchoolClass> get(const Actor& actor, std::int64_t class_id) = 0;
  // The classes the actor teaches (archived last); every class for moderators and admins.
  virtual std::vector<SchoolClass> list(const Actor& actor) = 0;
  // The class when the actor may take an offline pack of pages for it (offline/class_pack.h): its
  // teacher and admins, as for changing the class. not_found ("error-class-not-found") or
  // forbidden ("error-class-forbidden").
  virtual Result<SchoolClass> pack_class(const Actor& actor, std::int64_t class_id) = 0;
  // The class's pupils by name; refuses as get.
  virtual Result<std::vector<User>> pupils(const Actor& actor, std::int64_t class_id) = 0;

  // Creates one pupil per first name ("Léa" becomes "Léa", or "Léa 2" when taken). All or none:
  // a name the filters or the username rules refuse fails the whole request with its message
  // and the offending name in arg "name". At most kMaxPupilsPerRequest.
  virtual Result<std::vector<Credentials>> add_pupils(const Actor& actor, std::int64_t class_id,
                                                      const std::vector<std::string>& names) = 0;
  // Creates `count` pupils with generated pseudonyms ("Blue Otter 12", in the class's language).
  virtual Result<std::vector<Credentials>> add_generated_pupils(const Actor& actor,
                                                                std::int64_t class_id,
                                                                int count) = 0;
  // The pupil methods below: not_found for an id that is not a pupil's; forbidden unless the
  // actor is the teacher of the pupil's class or an admin (only an admin for a pupil in no class).
  // A new generated password; ends the pupil's sessions.
  virtual Result<Credentials> reset_password(const Actor& actor, std::int64_t pupil_id) = 0;
  // The pupil whose failed logins the actor may forget (a classmate's guesses locked them out),
  // recorded in the audit log as "unlock-login". The failures themselves live in the web
  // layer's memory (web/login_throttle.h), which forgets them on this answer.
  virtual Result<User> unlock_login(const Actor& actor, std::int64_t pupil_id) = 0;
  virtual Status set_trusted(const Actor& actor, std::int64_t pupil_id, bool trusted) = 0;
  virtual Status set_disabled(const Actor& actor, std::int64_t pupil_id, bool disabled) = 0;
  virtual Status set_archived(const Actor& actor, std::int64_t class_id, bool archived) = 0;

  // The class's lesson window; refuses as get.
  virtual Result<LessonWindow> lesson_window(const Actor& actor, std::int64_t class_id) = 0;
  // Whether the class's pupils may edit now, and until when; refuses as get.
  virtual Result<LessonState> lesson_state(const Actor& actor, std::int64_t class_id) = 0;
  // Replaces the class's lesson window, recorded in the audit log as "lesson-window" (its reason:
  // the window as lesson_window_summary writes it). Refuses as set_archived, and invalid_input:
  // "classes-error-lesson-slot" (arg "slot", 1-based) for a slot outside its day or ending before
  // it starts, "classes-error-lesson-overlap" (args "first", "second") for two slots of one day
  // that overlap, "classes-error-lesson-none" for the `lessons` mode without a slot,
  // "classes-error-holiday" (arg "holiday") for a date that is not one or a last day before the
  // first, "classes-error-holiday-long" (arg "max") for more than kMaxHolidayDays,
  // "classes-error-lesson-count" (args "max_slots", "max_holidays") for too many of either.
  virtual Status set_lesson_window(const Actor& actor, std::int64_t class_id,
                                   const LessonWindow& window) = 0;
  // The one button: changes only the mode, keeping the slots and holidays. Recorded as
  // "editing-off" (closed), "editing-on" (always) or "editing-lessons". Refuses as
  // set_lesson_window ("classes-error-lesson-none" for `lessons` without a slot).
  virtual Status set_lesson_mode(const Actor& actor, std::int64_t class_id, LessonMode mode) = 0;
};

}  // namespace kidwiki::engine

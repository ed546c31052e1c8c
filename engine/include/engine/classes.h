// Classes: a teacher's group of pupil accounts in one edition. The teacher creates pupils in bulk
// (from first names or as generated pseudonyms) with generated easy-to-type passwords, shown once
// for the printable login cards; then resets passwords, trusts, disables, and archives the class.
// Every change here is written to the audit log in the same transaction.
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
};

}  // namespace kidwiki::engine

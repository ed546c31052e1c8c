// Classes: a teacher's group of pupil accounts in one edition. The teacher creates pupils in bulk
// (from first names or as generated pseudonyms) with generated easy-to-type passwords, shown once
// for the printable login cards; then resets passwords, trusts, disables, and archives the class.
// Every change here is written to the audit log in the same transaction.
//
// Thread-safety: every method may be called from many threads at once.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "engine/accounts.h"
#include "engine/result.h"

namespace kidwiki::engine {

struct SchoolClass {
  std::int64_t id = 0;
  std::string name;
  std::string lang;  // the class's edition
  std::int64_t teacher_id = 0;
  bool review_required = true;  // pupils' edits wait for review unless the pupil is trusted
  bool archived = false;        // pupils of an archived class cannot log in
  std::string created_at;
};

// A pupil account just created or given a new password: the only time the password is known.
struct PupilCredentials {
  User user;
  std::string password;
};

inline constexpr int kMaxPupilsPerRequest = 60;

class Classes {
 public:
  virtual ~Classes() = default;

  // invalid_input ("error-class-name") for an empty or over-long name; not_found for an unknown
  // edition; forbidden when `teacher_id` is not a teacher or admin.
  virtual Result<SchoolClass> create_class(std::int64_t teacher_id, std::string_view name,
                                           std::string_view lang, bool review_required) = 0;
  virtual std::optional<SchoolClass> get(std::int64_t class_id) = 0;
  // A teacher's classes (archived last), or every class when `teacher_id` is empty.
  virtual std::vector<SchoolClass> list(std::optional<std::int64_t> teacher_id) = 0;
  virtual std::vector<User> pupils(std::int64_t class_id) = 0;

  // Creates one pupil per first name ("Léa" becomes "Léa", or "Léa 2" when taken). All or none:
  // a name the filters or the username rules refuse fails the whole request with its message
  // and the offending name in arg "name". At most kMaxPupilsPerRequest.
  virtual Result<std::vector<PupilCredentials>> add_pupils(std::int64_t actor_id,
                                                           std::int64_t class_id,
                                                           const std::vector<std::string>& names) = 0;
  // Creates `count` pupils with generated pseudonyms ("Blue Otter 12", in the class's language).
  virtual Result<std::vector<PupilCredentials>> add_generated_pupils(std::int64_t actor_id,
                                                                     std::int64_t class_id,
                                                                     int count) = 0;
  // The pupil methods below: not_found for an id that is not a pupil's; forbidden unless the
  // actor is the teacher of the pupil's class or an admin (only an admin for a pupil in no class).
  // A new generated password; ends the pupil's sessions.
  virtual Result<PupilCredentials> reset_password(std::int64_t actor_id, std::int64_t pupil_id) = 0;
  virtual Status set_trusted(std::int64_t actor_id, std::int64_t pupil_id, bool trusted) = 0;
  virtual Status set_disabled(std::int64_t actor_id, std::int64_t pupil_id, bool disabled) = 0;
  virtual Status set_archived(std::int64_t actor_id, std::int64_t class_id, bool archived) = 0;

  // An admin creates a teacher, moderator or admin account (audit "create-user"). Without a
  // password one is generated and returned, the only time it is known. forbidden unless the actor
  // is an admin; invalid_input "error-role-invalid" for a pupil (pupils belong to a class).
  virtual Result<PupilCredentials> create_staff(std::int64_t actor_id, std::string_view name,
                                                Role role,
                                                std::optional<std::string> password) = 0;
};

}  // namespace kidwiki::engine

// Accounts and sessions. Passwords are stored as argon2id hashes (libsodium) and never logged or
// returned; session tokens are stored only as hashes, so a copy of the database opens no session.
// Staff accounts (teachers, moderators, admins) are created and managed by admins; pupils by
// their teacher (engine/classes.h).
//
// Thread-safety: every method may be called from many threads at once.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "engine/actor.h"
#include "engine/result.h"
#include "engine/user.h"

namespace kidwiki::engine {

struct NewSession {
  std::string token;       // for the cookie; shown once, stored only as a hash
  std::string csrf_token;  // every state-changing request of this session must carry it
  std::string expires_at;  // ISO 8601 UTC
  User user;
};

struct SessionInfo {
  Actor actor;             // always logged in
  std::string csrf_token;
  std::string expires_at;
  const User& user() const { return *actor.user(); }
};

// An account created or given a new password: the only time the password is known.
struct Credentials {
  User user;
  std::string password;  // "" when the admin chose it
};

// An easy-to-type password of three short words and a number ("tigre-lampe-42-soleil"), from
// libsodium's random generator: about 30 bits, for a first login. The words are in `lang` (a
// class's language: i18n/password-words/<lang>.txt), in English for a language without a list.
// Thread-safe.
std::string generate_password(std::string_view lang = "en");
// The words generate_password() picks from for `lang` (for tests and docs).
std::vector<std::string> password_words(std::string_view lang);

// Password limits, in bytes.
inline constexpr std::size_t kMinPasswordLength = 8;
inline constexpr std::size_t kMaxPasswordLength = 200;

class Accounts {
 public:
  virtual ~Accounts() = default;

  // Logging in. A wrong name and a wrong password give the same error (not_found,
  // "error-login-failed"), so names cannot be probed; a disabled account gives invalid_input
  // "error-account-disabled", a pupil of an archived class "error-class-archived". Takes about a
  // tenth of a second by design (argon2id).
  virtual Result<User> authenticate(std::string_view name, std::string_view password) = 0;
  // A new session for the account `authenticate` just returned.
  virtual Result<NewSession> start_session(const User& authenticated) = 0;
  // Empty when the token is unknown, expired, or its account disabled.
  virtual std::optional<SessionInfo> session(std::string_view token) = 0;
  virtual void end_session(std::string_view token) = 0;
  // Keeps a live session open for session_hours from now, as a writer's editor asks while they
  // type (a pupil's text must not meet an expired session). Empty when the session has already
  // ended (expired, logged out, password changed, account disabled): it is never brought back.
  virtual std::optional<SessionInfo> renew_session(std::string_view token) = 0;
  // The actor of an account as its next request would be (role, block); empty when there is no
  // such account, it is disabled, or its class is archived. For the command line and tests.
  virtual std::optional<Actor> actor(std::int64_t user_id) = 0;

  // An account as `actor` may see it: anyone sees a name and a role (they are in every history);
  // the account itself, its teacher, moderators and admins see the rest (class, trust, disabled).
  // Empty when there is no such account.
  virtual std::optional<User> user(const Actor& actor, std::int64_t id) = 0;
  virtual std::optional<User> user_by_name(const Actor& actor, std::string_view name) = 0;
  virtual std::int64_t user_count() = 0;

  // Creates an account of any role (the command line, the first admin; `class_id` places a pupil
  // in a class).
  // forbidden unless the actor may manage accounts; invalid_input with the username's problem
  // (i18n/username.h) or "error-password-length"; exists ("error-username-taken") when the name,
  // or a name that looks the same, is taken. Audited.
  virtual Result<User> create_user(const Actor& actor, std::string_view name,
                                   std::string_view password, Role role,
                                   std::optional<std::int64_t> class_id = std::nullopt) = 0;
  // The actor's own new password, or any account's for an admin. Ends the account's sessions.
  virtual Status set_password(const Actor& actor, std::int64_t user_id,
                              std::string_view password) = 0;

  // Staff accounts, for admins (Action::manage_accounts; forbidden otherwise). Every change is
  // audited. invalid_input "error-role-invalid" for Role::pupil (pupils belong to a class).
  // A new teacher, moderator or admin; without a password one is generated and returned.
  virtual Result<Credentials> create_staff(const Actor& actor, std::string_view name, Role role,
                                           std::optional<std::string> password) = 0;
  // Every teacher, moderator and admin, by name.
  virtual Result<std::vector<User>> list_staff(const Actor& actor) = 0;
  // Disabling ends every session of the account at once. not_found for an account that is not
  // staff; conflict "accounts-error-last-admin" when it would leave no active admin;
  // forbidden "accounts-error-self" for the actor's own account.
  virtual Status set_staff_disabled(const Actor& actor, std::int64_t user_id, bool disabled) = 0;
  // Changes a staff account's role (never to pupil); refuses as set_staff_disabled.
  virtual Status set_staff_role(const Actor& actor, std::int64_t user_id, Role role) = 0;
  // A new generated password for a staff account; ends its sessions.
  virtual Result<Credentials> reset_staff_password(const Actor& actor, std::int64_t user_id) = 0;
};

}  // namespace kidwiki::engine

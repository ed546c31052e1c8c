// Accounts and sessions. Pupils have no e-mail, no real name, no birth date: a pseudonym and a
// password are all the wiki keeps. Passwords are stored as argon2id hashes (libsodium) and never
// logged or returned; session tokens are stored only as hashes, so a copy of the database opens
// no session.
//
// Thread-safety: every method may be called from many threads at once.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "engine/result.h"

namespace kidwiki::engine {

// A reader is anyone not logged in; these are the roles of accounts.
enum class Role { pupil, teacher, moderator, admin };

std::string_view role_name(Role role);
std::optional<Role> role_from_name(std::string_view name);

struct User {
  std::int64_t id = 0;
  std::string name;
  Role role = Role::pupil;
  bool trusted = false;   // a pupil whose edits need no review
  bool disabled = false;  // may not log in
  std::optional<std::int64_t> class_id;
  std::string created_at;
};

struct NewSession {
  std::string token;       // for the cookie; shown once, stored only as a hash
  std::string csrf_token;  // every state-changing request of this session must carry it
  std::string expires_at;  // ISO 8601 UTC
  User user;
};

struct SessionInfo {
  User user;
  std::string csrf_token;
  std::string expires_at;
};

// An easy-to-type password of three short words and a number ("tigre-lampe-42-soleil"), from
// libsodium's random generator: about 30 bits, for a first login. Thread-safe.
std::string generate_password();

// Password limits, in bytes.
inline constexpr std::size_t kMinPasswordLength = 8;
inline constexpr std::size_t kMaxPasswordLength = 200;

class Accounts {
 public:
  virtual ~Accounts() = default;

  // Creates an account. invalid_input with the username's problem (i18n/username.h) or
  // "error-password-length"; exists ("error-username-taken") when the name, or a name that
  // looks the same, is taken.
  virtual Result<User> create_user(std::string_view name, std::string_view password, Role role,
                                   std::optional<std::int64_t> class_id) = 0;
  // The account for this name and password. A wrong name and a wrong password give the same
  // error (not_found, "error-login-failed"), so names cannot be probed; a disabled account gives
  // invalid_input "error-account-disabled". Takes about a tenth of a second by design (argon2id).
  virtual Result<User> authenticate(std::string_view name, std::string_view password) = 0;
  virtual Result<NewSession> start_session(std::int64_t user_id) = 0;
  // Empty when the token is unknown, expired, or its account disabled.
  virtual std::optional<SessionInfo> session(std::string_view token) = 0;
  virtual void end_session(std::string_view token) = 0;
  virtual std::optional<User> user(std::int64_t id) = 0;
  virtual std::optional<User> user_by_name(std::string_view name) = 0;
  // Ends every session of the account too.
  virtual Status set_password(std::int64_t user_id, std::string_view password) = 0;
  virtual std::int64_t user_count() = 0;
};

}  // namespace kidwiki::engine

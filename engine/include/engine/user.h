// An account as the engine hands it out, and the block that may stop it. Pupils have no e-mail,
// no real name, no birth date: a pseudonym and a password are all the wiki keeps.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace kidwiki::engine {

// A reader is anyone not logged in; these are the roles of accounts.
enum class Role { pupil, teacher, moderator, admin };

std::string_view role_name(Role role);  // "pupil", "teacher", "moderator", "admin"
std::optional<Role> role_from_name(std::string_view name);

struct User {
  std::int64_t id = 0;
  std::string name;
  Role role = Role::pupil;
  bool trusted = false;   // a pupil whose edits need no review
  bool disabled = false;  // may not log in; every session ended
  std::optional<std::int64_t> class_id;
  std::string created_at;
};

// A block holds until it expires or is lifted. A blocked account keeps reading and nothing else
// (Actor::may).
struct Block {
  std::int64_t id = 0;
  std::int64_t user_id = 0;
  std::int64_t blocked_by = 0;
  std::string reason;
  std::string created_at;
  std::optional<std::string> expires_at;  // empty: until lifted
  std::string blocked_by_name;
  std::string user_name;
};

}  // namespace kidwiki::engine

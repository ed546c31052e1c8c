// Reading and writing accounts, sessions and blocks. Free functions over a connection, like
// page_store.h; writes run inside the caller's transaction on the writer.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "engine/user.h"
#include "i18n/username.h"
#include "store/database.h"

namespace kidwiki::engine {

std::optional<User> find_user(db::Connection& c, std::int64_t user_id);
// The account whose normalised name is `name_key`, with its password hash.
std::optional<std::pair<User, std::string>> find_login(db::Connection& c,
                                                       std::string_view name_key);
// True when the name or a name that looks the same is taken.
bool name_taken(db::Connection& c, const i18n::UsernameCheck& check);
User insert_user(db::Connection& c, const i18n::UsernameCheck& check,
                 const std::string& password_hash, Role role,
                 std::optional<std::int64_t> class_id);
std::vector<User> users_in_class(db::Connection& c, std::int64_t class_id);
// Teachers, moderators and admins by name.
std::vector<User> staff_users(db::Connection& c);
// Admins not disabled, other than `except_id`.
std::int64_t other_active_admins(db::Connection& c, std::int64_t except_id);
std::int64_t count_users(db::Connection& c);
bool class_archived(db::Connection& c, std::int64_t class_id);

void set_user_flag(db::Connection& c, std::int64_t user_id, std::string_view column, bool value);
void set_user_role(db::Connection& c, std::int64_t user_id, Role role);
// Stores a new hash and ends the account's sessions.
void replace_password(db::Connection& c, std::int64_t user_id, const std::string& password_hash);
void end_sessions_of(db::Connection& c, std::int64_t user_id);

struct SessionRow {
  User user;
  std::string csrf_token;
  std::string expires_at;
};
void insert_session(db::Connection& c, const std::string& token_hash, std::int64_t user_id,
                    const std::string& csrf_token, const std::string& expires_at);
// The session of this token hash, when it has not expired and its account may log in.
std::optional<SessionRow> find_session(db::Connection& c, const std::string& token_hash);
void delete_session(db::Connection& c, const std::string& token_hash);
// Moves a live session's expiry to `expires_at`; false when it has expired or is unknown.
bool extend_session(db::Connection& c, const std::string& token_hash,
                    const std::string& expires_at);

// The block in force now on `user_id`.
std::optional<Block> active_block(db::Connection& c, std::int64_t user_id);
std::vector<Block> active_blocks(db::Connection& c);
std::int64_t insert_block(db::Connection& c, const Block& block);
void lift_block(db::Connection& c, std::int64_t block_id);

}  // namespace kidwiki::engine

#include "store/account_store.h"

#include "store/clock.h"

namespace kidwiki::engine {
namespace {

constexpr const char* kUserColumns =
    "u.id, u.name, u.role, u.trusted, u.disabled, u.class_id, u.created_at";

User read_user(const db::Query& st, int c) {
  User u;
  u.id = st.int64(c);
  u.name = st.text(c + 1);
  u.role = role_from_name(st.text(c + 2)).value_or(Role::pupil);
  u.trusted = st.int64(c + 3) != 0;
  u.disabled = st.int64(c + 4) != 0;
  u.class_id = st.optional_int64(c + 5);
  u.created_at = st.text(c + 6);
  return u;
}

std::vector<User> users_of(db::Query& st) {
  std::vector<User> out;
  while (st.step()) out.push_back(read_user(st, 0));
  return out;
}

constexpr const char* kBlockColumns =
    "SELECT b.id, b.user_id, b.blocked_by, b.reason, b.created_at, b.expires_at,"
    " COALESCE(by_user.name, ''), COALESCE(target.name, '') FROM block b"
    " LEFT JOIN user by_user ON by_user.id = b.blocked_by"
    " LEFT JOIN user target ON target.id = b.user_id"
    " WHERE b.lifted_at IS NULL AND (b.expires_at IS NULL OR b.expires_at > ?1) ";

Block read_block(const db::Query& st) {
  Block b;
  b.id = st.int64(0);
  b.user_id = st.int64(1);
  b.blocked_by = st.int64(2);
  b.reason = st.text(3);
  b.created_at = st.text(4);
  std::string expires = st.text(5);  // "" for NULL: until lifted
  if (!expires.empty()) b.expires_at = std::move(expires);
  b.blocked_by_name = st.text(6);
  b.user_name = st.text(7);
  return b;
}

}  // namespace

std::optional<User> find_user(db::Connection& c, std::int64_t user_id) {
  auto st = c.prepare(std::string("SELECT ") + kUserColumns + " FROM user u WHERE u.id = ?");
  st.bind(1, user_id);
  if (!st.step()) return std::nullopt;
  return read_user(st, 0);
}

std::optional<std::pair<User, std::string>> find_login(db::Connection& c,
                                                       std::string_view name_key) {
  auto st = c.prepare(std::string("SELECT ") + kUserColumns +
                      ", u.password_hash FROM user u WHERE u.name_key = ?");
  st.bind(1, name_key);
  if (!st.step()) return std::nullopt;
  return std::pair{read_user(st, 0), st.text(7)};
}

bool name_taken(db::Connection& c, const i18n::UsernameCheck& check) {
  auto st = c.prepare("SELECT 1 FROM user WHERE name_key = ? OR skeleton = ?");
  st.bind(1, check.key).bind(2, check.skeleton);
  return st.step();
}

User insert_user(db::Connection& c, const i18n::UsernameCheck& check,
                 const std::string& password_hash, Role role,
                 std::optional<std::int64_t> class_id) {
  std::string now = now_iso8601();
  c.prepare("INSERT INTO user (name, name_key, skeleton, password_hash, role, class_id,"
            " created_at) VALUES (?, ?, ?, ?, ?, ?, ?)")
      .bind(1, check.name).bind(2, check.key).bind(3, check.skeleton).bind(4, password_hash)
      .bind(5, role_name(role)).bind(6, class_id).bind(7, now).run();
  return User{c.last_insert_id(), check.name, role, false, false, class_id, now};
}

std::vector<User> users_in_class(db::Connection& c, std::int64_t class_id) {
  auto st = c.prepare(std::string("SELECT ") + kUserColumns +
                      " FROM user u WHERE u.class_id = ? ORDER BY u.name_key");
  st.bind(1, class_id);
  return users_of(st);
}

std::vector<User> staff_users(db::Connection& c) {
  auto st = c.prepare(std::string("SELECT ") + kUserColumns +
                      " FROM user u WHERE u.role != ? ORDER BY u.name_key");
  st.bind(1, role_name(Role::pupil));
  return users_of(st);
}

std::int64_t other_active_admins(db::Connection& c, std::int64_t except_id) {
  auto st = c.prepare("SELECT COUNT(*) FROM user WHERE role = ? AND disabled = 0 AND id != ?");
  st.bind(1, role_name(Role::admin)).bind(2, except_id);
  st.step();
  return st.int64(0);
}

std::int64_t count_users(db::Connection& c) {
  auto st = c.prepare("SELECT COUNT(*) FROM user");
  st.step();
  return st.int64(0);
}

bool class_archived(db::Connection& c, std::int64_t class_id) {
  auto st = c.prepare("SELECT archived FROM class WHERE id = ?");
  st.bind(1, class_id);
  return st.step() && st.int64(0) != 0;
}

void set_user_flag(db::Connection& c, std::int64_t user_id, std::string_view column, bool value) {
  // Why a fixed list: the column name is spliced into SQL.
  if (column != "trusted" && column != "disabled") throw std::logic_error("not a user flag");
  c.prepare("UPDATE user SET " + std::string(column) + " = ? WHERE id = ?")
      .bind(1, std::int64_t{value}).bind(2, user_id).run();
}

void set_user_role(db::Connection& c, std::int64_t user_id, Role role) {
  c.prepare("UPDATE user SET role = ? WHERE id = ?").bind(1, role_name(role)).bind(2, user_id).run();
}

void replace_password(db::Connection& c, std::int64_t user_id, const std::string& password_hash) {
  c.prepare("UPDATE user SET password_hash = ? WHERE id = ?")
      .bind(1, password_hash).bind(2, user_id).run();
  end_sessions_of(c, user_id);
}

void end_sessions_of(db::Connection& c, std::int64_t user_id) {
  c.prepare("DELETE FROM session WHERE user_id = ?").bind(1, user_id).run();
}

void insert_session(db::Connection& c, const std::string& token_hash, std::int64_t user_id,
                    const std::string& csrf_token, const std::string& expires_at) {
  const std::string now = now_iso8601();
  c.prepare("DELETE FROM session WHERE expires_at < ?").bind(1, now).run();
  c.prepare("INSERT INTO session (token_hash, user_id, csrf_token, created_at, expires_at)"
            " VALUES (?, ?, ?, ?, ?)")
      .bind(1, token_hash).bind(2, user_id).bind(3, csrf_token).bind(4, now).bind(5, expires_at)
      .run();
}

std::optional<SessionRow> find_session(db::Connection& c, const std::string& token_hash) {
  auto st = c.prepare(std::string("SELECT ") + kUserColumns +
                      ", s.csrf_token, s.expires_at FROM session s JOIN user u ON u.id = s.user_id"
                      " WHERE s.token_hash = ? AND s.expires_at > ? AND u.disabled = 0"
                      " AND NOT EXISTS (SELECT 1 FROM class c WHERE c.id = u.class_id"
                      " AND c.archived = 1)");
  st.bind(1, token_hash).bind(2, now_iso8601());
  if (!st.step()) return std::nullopt;
  return SessionRow{read_user(st, 0), st.text(7), st.text(8)};
}

bool extend_session(db::Connection& c, const std::string& token_hash,
                    const std::string& expires_at) {
  auto st = c.prepare("UPDATE session SET expires_at = ?1 WHERE token_hash = ?2 AND expires_at > ?3"
                      " AND expires_at < ?1 RETURNING 1");
  st.bind(1, expires_at).bind(2, token_hash).bind(3, now_iso8601());
  return st.step();
}

void delete_session(db::Connection& c, const std::string& token_hash) {
  c.prepare("DELETE FROM session WHERE token_hash = ?").bind(1, token_hash).run();
}

std::optional<Block> active_block(db::Connection& c, std::int64_t user_id) {
  auto st = c.prepare(std::string(kBlockColumns) + "AND b.user_id = ?2 ORDER BY b.id DESC LIMIT 1");
  st.bind(1, now_iso8601()).bind(2, user_id);
  if (!st.step()) return std::nullopt;
  return read_block(st);
}

std::vector<Block> active_blocks(db::Connection& c) {
  auto st = c.prepare(std::string(kBlockColumns) + "ORDER BY b.id DESC");
  st.bind(1, now_iso8601());
  std::vector<Block> out;
  while (st.step()) out.push_back(read_block(st));
  return out;
}

std::int64_t insert_block(db::Connection& c, const Block& b) {
  auto insert = c.prepare(
      "INSERT INTO block (user_id, blocked_by, reason, created_at, expires_at)"
      " VALUES (?, ?, ?, ?, ?)");
  insert.bind(1, b.user_id).bind(2, b.blocked_by).bind(3, b.reason).bind(4, b.created_at);
  if (b.expires_at) {
    insert.bind(5, std::string_view(*b.expires_at));
  } else {
    insert.bind_null(5);  // until lifted
  }
  insert.run();
  return c.last_insert_id();
}

void lift_block(db::Connection& c, std::int64_t block_id) {
  c.prepare("UPDATE block SET lifted_at = ? WHERE id = ?").bind(1, now_iso8601()).bind(2, block_id).run();
}

}  // namespace kidwiki::engine

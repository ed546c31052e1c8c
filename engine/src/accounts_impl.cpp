#include "accounts_impl.h"

#include <array>

#include "audit_log.h"
#include "clock.h"
#include "i18n/username.h"
#include "secrets.h"
#include "storage_guard.h"

namespace kidwiki::engine {
namespace {

constexpr std::array<std::string_view, 4> kRoleNames = {"pupil", "teacher", "moderator", "admin"};

constexpr const char* kUserColumns = "id, name, role, trusted, disabled, class_id, created_at";

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

std::optional<Error> password_problem(std::string_view password) {
  if (password.size() < kMinPasswordLength || password.size() > kMaxPasswordLength) {
    return make_error(ErrorCode::invalid_input, "error-password-length");
  }
  return std::nullopt;
}

bool name_taken(db::Connection& c, const i18n::UsernameCheck& check) {
  auto st = c.prepare("SELECT 1 FROM user WHERE name_key = ? OR skeleton = ?");
  st.bind(1, check.key).bind(2, check.skeleton);
  return st.step();
}

}  // namespace

std::string_view role_name(Role role) { return kRoleNames[static_cast<std::size_t>(role)]; }

std::optional<Role> role_from_name(std::string_view name) {
  for (std::size_t i = 0; i < kRoleNames.size(); ++i) {
    if (kRoleNames[i] == name) return static_cast<Role>(i);
  }
  return std::nullopt;
}

AccountsImpl::AccountsImpl(const Options& options, std::mutex& writer_mutex, db::Connection& writer,
                           ReaderPool& readers, const std::vector<std::string>& languages)
    : options_(options), writer_mutex_(writer_mutex), writer_(writer), readers_(readers) {
  for (const auto& lang : languages) {
    name_filters_.push_back(ContentFilter::for_edition(lang, current_year()));
  }
}

Result<i18n::UsernameCheck> AccountsImpl::check_new_name(std::string_view name) const {
  auto check = i18n::check_username(name);
  if (!check.problem.empty()) return make_error(ErrorCode::invalid_input, check.problem);
  // A pupil's name must not carry a bad word, an e-mail, a phone number or a birth year.
  for (const auto& filter : name_filters_) {
    auto found = filter.check_username(check.name);
    if (!found.matches.empty()) {
      return make_error(ErrorCode::invalid_input, found.matches.front().message_id);
    }
  }
  return check;
}

Result<std::string> AccountsImpl::hash_new_password(std::string_view password) const {
  if (auto problem = password_problem(password)) return *problem;
  return hash_password(password, {options_.password_ops, options_.password_memory_bytes});
}

bool AccountsImpl::is_taken(const i18n::UsernameCheck& check) { return name_taken(writer_, check); }

Result<User> AccountsImpl::insert_user(const i18n::UsernameCheck& check,
                                       const std::string& password_hash, Role role,
                                       std::optional<std::int64_t> class_id) {
  if (name_taken(writer_, check)) return make_error(ErrorCode::exists, "error-username-taken");
  std::string now = now_iso8601();
  writer_
      .prepare("INSERT INTO user (name, name_key, skeleton, password_hash, role, class_id,"
               " created_at) VALUES (?, ?, ?, ?, ?, ?, ?)")
      .bind(1, check.name).bind(2, check.key).bind(3, check.skeleton).bind(4, password_hash)
      .bind(5, role_name(role)).bind(6, class_id).bind(7, now).run();
  return User{writer_.last_insert_id(), check.name, role, false, false, class_id, now};
}

Result<User> AccountsImpl::create_user(std::string_view name, std::string_view password, Role role,
                                       std::optional<std::int64_t> class_id) {
  auto check = check_new_name(name);
  if (!check) return check.error();
  // Hashing takes a tenth of a second: outside the writer lock.
  auto hash = hash_new_password(password);
  if (!hash) return hash.error();
  return guard_storage([&]() -> Result<User> {
    std::lock_guard lock(writer_mutex_);
    db::Transaction tx(writer_);
    auto user = insert_user(check.value(), hash.value(), role, class_id);
    if (!user) return user;
    // No actor: the command line, or the first admin created at start (an admin's own creations
    // go through Classes::create_staff, which records the admin).
    append_audit(writer_, AuditEntry{.action = "create-user",
                                     .target_type = "user",
                                     .target_id = user->id,
                                     .target_label = user->name,
                                     .class_id = class_id,
                                     .reason = std::string(role_name(role))});
    tx.commit();
    return user;
  });
}

Result<User> AccountsImpl::authenticate(std::string_view name, std::string_view password) {
  auto check = i18n::check_username(name);
  std::optional<User> found;
  std::string hash;
  {
    auto reader = readers_.lease();
    auto st = reader->prepare(std::string("SELECT ") + kUserColumns +
                              ", password_hash FROM user WHERE name_key = ?");
    st.bind(1, check.key);
    if (st.step()) {
      found = read_user(st, 0);
      hash = st.text(7);
    }
  }
  // Why verify even without an account, against a hash of the same cost: the answer then takes
  // as long either way, so timing does not tell which names exist.
  std::call_once(dummy_once_, [&] {
    dummy_hash_ = hash_password("not a password", {options_.password_ops, options_.password_memory_bytes});
  });
  bool ok = verify_password(found ? hash : dummy_hash_, password) && found;
  if (!ok) return make_error(ErrorCode::not_found, "error-login-failed");
  if (found->disabled) return make_error(ErrorCode::invalid_input, "error-account-disabled");
  if (found->class_id && class_archived(*found->class_id)) {
    return make_error(ErrorCode::invalid_input, "error-class-archived");
  }
  return *found;
}

bool AccountsImpl::class_archived(std::int64_t class_id) {
  auto reader = readers_.lease();
  auto st = reader->prepare("SELECT archived FROM class WHERE id = ?");
  st.bind(1, class_id);
  return st.step() && st.int64(0) != 0;
}

Result<NewSession> AccountsImpl::start_session(std::int64_t user_id) {
  auto u = user(user_id);
  if (!u) return make_error(ErrorCode::not_found, "error-login-failed");
  NewSession s{random_token(), random_token(), iso8601_after(options_.session_hours * 3600L), *u};
  return guard_storage([&]() -> Result<NewSession> {
    std::lock_guard lock(writer_mutex_);
    writer_.prepare("DELETE FROM session WHERE expires_at < ?").bind(1, now_iso8601()).run();
    writer_
        .prepare("INSERT INTO session (token_hash, user_id, csrf_token, created_at, expires_at)"
                 " VALUES (?, ?, ?, ?, ?)")
        .bind(1, token_hash(s.token)).bind(2, user_id).bind(3, s.csrf_token)
        .bind(4, now_iso8601()).bind(5, s.expires_at).run();
    return s;
  });
}

std::optional<SessionInfo> AccountsImpl::session(std::string_view token) {
  auto reader = readers_.lease();
  auto st = reader->prepare(
      "SELECT u.id, u.name, u.role, u.trusted, u.disabled, u.class_id, u.created_at,"
      " s.csrf_token, s.expires_at FROM session s JOIN user u ON u.id = s.user_id"
      " WHERE s.token_hash = ? AND s.expires_at > ? AND u.disabled = 0"
      " AND NOT EXISTS (SELECT 1 FROM class c WHERE c.id = u.class_id AND c.archived = 1)");
  st.bind(1, token_hash(token)).bind(2, now_iso8601());
  if (!st.step()) return std::nullopt;
  return SessionInfo{read_user(st, 0), st.text(7), st.text(8)};
}

void AccountsImpl::end_session(std::string_view token) {
  std::lock_guard lock(writer_mutex_);
  writer_.prepare("DELETE FROM session WHERE token_hash = ?").bind(1, token_hash(token)).run();
}

std::optional<User> AccountsImpl::user(std::int64_t id) {
  auto reader = readers_.lease();
  auto st = reader->prepare(std::string("SELECT ") + kUserColumns + " FROM user WHERE id = ?");
  st.bind(1, id);
  if (!st.step()) return std::nullopt;
  return read_user(st, 0);
}

std::optional<User> AccountsImpl::user_by_name(std::string_view name) {
  auto reader = readers_.lease();
  auto st = reader->prepare(std::string("SELECT ") + kUserColumns + " FROM user WHERE name_key = ?");
  st.bind(1, i18n::check_username(name).key);
  if (!st.step()) return std::nullopt;
  return read_user(st, 0);
}

Status AccountsImpl::set_password(std::int64_t user_id, std::string_view password) {
  if (auto problem = password_problem(password)) return *problem;
  std::string hash = hash_password(password, {options_.password_ops, options_.password_memory_bytes});
  return guard_storage([&]() -> Status {
    std::lock_guard lock(writer_mutex_);
    db::Transaction tx(writer_);
    replace_password(user_id, hash);
    tx.commit();
    return Ok{};
  });
}

void AccountsImpl::replace_password(std::int64_t user_id, const std::string& password_hash) {
  writer_.prepare("UPDATE user SET password_hash = ? WHERE id = ?")
      .bind(1, password_hash).bind(2, user_id).run();
  writer_.prepare("DELETE FROM session WHERE user_id = ?").bind(1, user_id).run();
}

std::vector<User> AccountsImpl::users_in_class(std::int64_t class_id) {
  auto reader = readers_.lease();
  auto st = reader->prepare(std::string("SELECT ") + kUserColumns +
                            " FROM user WHERE class_id = ? ORDER BY name_key");
  st.bind(1, class_id);
  std::vector<User> out;
  while (st.step()) out.push_back(read_user(st, 0));
  return out;
}

std::int64_t AccountsImpl::user_count() {
  auto reader = readers_.lease();
  auto st = reader->prepare("SELECT COUNT(*) FROM user");
  st.step();
  return st.int64(0);
}

}  // namespace kidwiki::engine

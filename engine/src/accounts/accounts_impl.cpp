// Logging in, sessions, the actors they give, and reading accounts.
#include "accounts/accounts_impl.h"

#include <array>

#include "accounts/secrets.h"
#include "policy/actor_factory.h"
#include "policy/require.h"
#include "store/account_store.h"
#include "store/audit_log.h"
#include "store/class_store.h"
#include "store/clock.h"
#include "store/storage_guard.h"

namespace kidwiki::engine {
namespace {

constexpr std::array<std::string_view, 4> kRoleNames = {"pupil", "teacher", "moderator", "admin"};

std::optional<Error> password_problem(std::string_view password) {
  if (password.size() < kMinPasswordLength || password.size() > kMaxPasswordLength) {
    return make_error(ErrorCode::invalid_input, "error-password-length");
  }
  return std::nullopt;
}

// Name and role are in every history; the rest is for the account itself, its teacher,
// moderators and admins.
bool sees_whole_account(db::Connection& c, const Actor& actor, const User& user) {
  if (actor.id() == user.id || actor.may(Action::view_audit_all)) return true;
  return actor.may(Action::manage_class) && teacher_of(c, user.id) == actor.id();
}

User as_seen(db::Connection& c, const Actor& actor, User user) {
  if (sees_whole_account(c, actor, user)) return user;
  User shown;
  shown.id = user.id;
  shown.name = std::move(user.name);
  shown.role = user.role;
  return shown;
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
  for (const auto& lang : languages) add_language(lang);
}

void AccountsImpl::add_language(const std::string& lang) {
  auto filter = ContentFilter::for_edition(lang, current_year());
  std::unique_lock lock(name_filters_mutex_);
  name_filters_.push_back(std::move(filter));
}

Result<i18n::UsernameCheck> AccountsImpl::check_new_name(std::string_view name) const {
  auto check = i18n::check_username(name);
  if (!check.problem.empty()) return make_error(ErrorCode::invalid_input, check.problem);
  // A pupil's name must not carry a bad word, an e-mail, a phone number or a birth year.
  std::shared_lock lock(name_filters_mutex_);
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
  return engine::insert_user(writer_, check, password_hash, role, class_id);
}

Result<User> AccountsImpl::create_account(const Actor& actor, const i18n::UsernameCheck& check,
                                          const std::string& hash, Role role,
                                          std::optional<std::int64_t> class_id) {
  return guard_storage([&]() -> Result<User> {
    std::lock_guard lock(writer_mutex_);
    db::Transaction tx(writer_);
    auto user = insert_user(check, hash, role, class_id);
    if (!user) return user;
    append_audit(writer_, AuditEntry{.actor_id = actor.id(),
                                     .action = "create-user",
                                     .target_type = "user",
                                     .target_id = user->id,
                                     .target_label = user->name,
                                     .class_id = class_id,
                                     .reason = std::string(role_name(role))});
    tx.commit();
    return user;
  });
}

Result<User> AccountsImpl::create_user(const Actor& actor, std::string_view name,
                                       std::string_view password, Role role,
                                       std::optional<std::int64_t> class_id) {
  if (auto refused = policy::require(actor, Action::manage_accounts); !refused) {
    return refused.error();
  }
  auto check = check_new_name(name);
  if (!check) return check.error();
  // Hashing takes a tenth of a second: outside the writer lock.
  auto hash = hash_new_password(password);
  if (!hash) return hash.error();
  return create_account(actor, check.value(), hash.value(), role, class_id);
}

Result<User> AccountsImpl::authenticate(std::string_view name, std::string_view password) {
  auto check = i18n::check_username(name);
  std::optional<std::pair<User, std::string>> found;
  {
    auto reader = readers_.lease();
    found = find_login(*reader, check.key);
  }
  // Why verify even without an account, against a hash of the same cost: the answer then takes
  // as long either way, so timing does not tell which names exist.
  std::call_once(dummy_once_, [&] {
    dummy_hash_ = hash_password("not a password", {options_.password_ops, options_.password_memory_bytes});
  });
  bool ok = verify_password(found ? found->second : dummy_hash_, password) && found;
  if (!ok) return make_error(ErrorCode::not_found, "error-login-failed");
  const User& user = found->first;
  if (user.disabled) return make_error(ErrorCode::invalid_input, "error-account-disabled");
  auto reader = readers_.lease();
  if (user.class_id && class_archived(*reader, *user.class_id)) {
    return make_error(ErrorCode::invalid_input, "error-class-archived");
  }
  return user;
}

Result<NewSession> AccountsImpl::start_session(const User& authenticated) {
  NewSession s{random_token(), random_token(), iso8601_after(options_.session_hours * 3600L),
               authenticated};
  return guard_storage([&]() -> Result<NewSession> {
    std::lock_guard lock(writer_mutex_);
    insert_session(writer_, token_hash(s.token), authenticated.id, s.csrf_token, s.expires_at);
    return s;
  });
}

std::optional<SessionInfo> AccountsImpl::session(std::string_view token) {
  auto reader = readers_.lease();
  auto row = find_session(*reader, token_hash(token));
  if (!row) return std::nullopt;
  auto block = active_block(*reader, row->user.id);
  return SessionInfo{ActorFactory::for_account(std::move(row->user), std::move(block)),
                     std::move(row->csrf_token), std::move(row->expires_at)};
}

void AccountsImpl::end_session(std::string_view token) {
  std::lock_guard lock(writer_mutex_);
  delete_session(writer_, token_hash(token));
}

std::optional<SessionInfo> AccountsImpl::renew_session(std::string_view token) {
  auto current = session(token);
  if (!current) return std::nullopt;
  // Renewed at most once a minute: a page that asks often costs no write.
  const std::string until = iso8601_after(options_.session_hours * 3600L);
  if (current->expires_at >= iso8601_after(options_.session_hours * 3600L - 60)) return current;
  auto extended = guard_storage([&]() -> Result<bool> {
    std::lock_guard lock(writer_mutex_);
    return extend_session(writer_, token_hash(token), until);
  });
  // A full disk leaves the session as it was: the next renewal tries again.
  if (extended.ok() && extended.value()) current->expires_at = until;
  return current;
}

std::optional<Actor> AccountsImpl::actor(std::int64_t user_id) {
  auto reader = readers_.lease();
  auto user = find_user(*reader, user_id);
  // As a session would be refused: a disabled account, a pupil of an archived class.
  if (!user || user->disabled) return std::nullopt;
  if (user->class_id && class_archived(*reader, *user->class_id)) return std::nullopt;
  return ActorFactory::for_account(std::move(*user), active_block(*reader, user_id));
}

std::optional<User> AccountsImpl::user(const Actor& actor, std::int64_t id) {
  auto reader = readers_.lease();
  auto found = find_user(*reader, id);
  if (!found) return std::nullopt;
  return as_seen(*reader, actor, std::move(*found));
}

std::optional<User> AccountsImpl::user_by_name(const Actor& actor, std::string_view name) {
  std::optional<std::pair<User, std::string>> found;
  auto reader = readers_.lease();
  found = find_login(*reader, i18n::check_username(name).key);
  if (!found) return std::nullopt;
  return as_seen(*reader, actor, std::move(found->first));
}

Status AccountsImpl::set_password(const Actor& actor, std::int64_t user_id,
                                  std::string_view password) {
  if (actor.id() != user_id) {
    if (auto refused = policy::require(actor, Action::manage_accounts); !refused) return refused;
  }
  if (auto problem = password_problem(password)) return *problem;
  std::string hash = hash_password(password, {options_.password_ops, options_.password_memory_bytes});
  return guard_storage([&]() -> Status {
    std::lock_guard lock(writer_mutex_);
    if (!find_user(writer_, user_id)) return make_error(ErrorCode::not_found, "accounts-error-no-user");
    db::Transaction tx(writer_);
    replace_password(writer_, user_id, hash);
    tx.commit();
    return Ok{};
  });
}

std::int64_t AccountsImpl::user_count() {
  auto reader = readers_.lease();
  return count_users(*reader);
}

}  // namespace kidwiki::engine

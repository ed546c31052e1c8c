// Staff accounts: an admin creates, lists, disables, re-enables, changes the role of, and resets
// the password of teachers, moderators and admins. A stolen staff account can be switched off at
// once: disabling ends its sessions. The wiki always keeps an active admin.
#include "accounts/accounts_impl.h"
#include "policy/require.h"
#include "store/account_store.h"
#include "store/audit_log.h"
#include "store/storage_guard.h"

namespace kidwiki::engine {
namespace {

AuditEntry staff_entry(const Actor& actor, std::string action, const User& target,
                       std::string reason) {
  return AuditEntry{.actor_id = actor.id(),
                    .action = std::move(action),
                    .target_type = "user",
                    .target_id = target.id,
                    .target_label = target.name,
                    .reason = std::move(reason)};
}

}  // namespace

Result<Credentials> AccountsImpl::create_staff(const Actor& actor, std::string_view name, Role role,
                                               std::optional<std::string> password) {
  if (auto refused = policy::require(actor, Action::manage_accounts); !refused) {
    return refused.error();
  }
  if (role == Role::pupil) return make_error(ErrorCode::invalid_input, "error-role-invalid");
  auto check = check_new_name(name);
  if (!check) return check.error();
  const std::string chosen = password ? *password : generate_password();
  auto hash = hash_new_password(chosen);
  if (!hash) return hash.error();
  auto user = create_account(actor, check.value(), hash.value(), role, std::nullopt);
  if (!user) return user.error();
  return Credentials{std::move(user).value(), password ? "" : chosen};
}

Result<std::vector<User>> AccountsImpl::list_staff(const Actor& actor) {
  if (auto refused = policy::require(actor, Action::manage_accounts); !refused) {
    return refused.error();
  }
  auto reader = readers_.lease();
  return staff_users(*reader);
}

Result<User> AccountsImpl::staff_target(const Actor& actor, std::int64_t user_id,
                                        bool leaves_admins) {
  if (auto refused = policy::require(actor, Action::manage_accounts); !refused) {
    return refused.error();
  }
  auto target = find_user(writer_, user_id);
  if (!target || target->role == Role::pupil) {
    return make_error(ErrorCode::not_found, "accounts-error-no-staff");
  }
  // An admin who locked themselves out would need the console to get back in.
  if (actor.id() == user_id) return make_error(ErrorCode::forbidden, "accounts-error-self");
  if (leaves_admins && target->role == Role::admin && !target->disabled &&
      other_active_admins(writer_, user_id) == 0) {
    return make_error(ErrorCode::conflict, "accounts-error-last-admin");
  }
  return *target;
}

Status AccountsImpl::change_staff(const Actor& actor, std::int64_t user_id, bool leaves_admins,
                                  const std::string& action, const std::string& reason,
                                  const std::function<void(const User&)>& change) {
  return guard_storage([&]() -> Status {
    std::lock_guard lock(writer_mutex_);
    auto target = staff_target(actor, user_id, leaves_admins);
    if (!target) return target.error();
    db::Transaction tx(writer_);
    change(target.value());
    append_audit(writer_, staff_entry(actor, action, target.value(), reason));
    tx.commit();
    return Ok{};
  });
}

Status AccountsImpl::set_staff_disabled(const Actor& actor, std::int64_t user_id, bool disabled) {
  return change_staff(actor, user_id, disabled, disabled ? "disable" : "enable", "",
                      [&](const User& target) {
                        set_user_flag(writer_, target.id, "disabled", disabled);
                        if (disabled) end_sessions_of(writer_, target.id);
                      });
}

Status AccountsImpl::set_staff_role(const Actor& actor, std::int64_t user_id, Role role) {
  if (role == Role::pupil) return make_error(ErrorCode::invalid_input, "error-role-invalid");
  return change_staff(actor, user_id, role != Role::admin, "set-role", std::string(role_name(role)),
                      [&](const User& target) { set_user_role(writer_, target.id, role); });
}

Result<Credentials> AccountsImpl::reset_staff_password(const Actor& actor, std::int64_t user_id) {
  const std::string password = generate_password();
  const std::string hash = hash_new_password(password).value();
  std::optional<User> changed;
  auto done = change_staff(actor, user_id, false, "reset-password", "", [&](const User& target) {
    replace_password(writer_, target.id, hash);
    changed = target;
  });
  if (!done) return done.error();
  return Credentials{*changed, password};
}

}  // namespace kidwiki::engine

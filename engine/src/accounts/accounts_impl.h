// Accounts and sessions over the wiki's database, sharing the Wiki's single writer connection.
// Staff management (accounts/staff.cpp) lives here too: it is the admins' side of the same rows.
#pragma once

#include <functional>
#include <mutex>
#include <shared_mutex>
#include <string>
#include <vector>

#include "engine/accounts.h"
#include "engine/filter.h"
#include "engine/options.h"
#include "i18n/username.h"
#include "store/database.h"
#include "store/reader_pool.h"

namespace kidwiki::engine {

class AccountsImpl final : public Accounts {
 public:
  // The references belong to the Wiki that owns this object and outlive it. New names are
  // checked against the content filters of every edition in `languages`.
  AccountsImpl(const Options& options, std::mutex& writer_mutex, db::Connection& writer,
               ReaderPool& readers, const std::vector<std::string>& languages);
  // New names are checked against the filters of an edition created while the wiki runs, too.
  void add_language(const std::string& lang);

  Result<User> authenticate(std::string_view name, std::string_view password) override;
  Result<NewSession> start_session(const User& authenticated) override;
  std::optional<SessionInfo> session(std::string_view token) override;
  void end_session(std::string_view token) override;
  std::optional<SessionInfo> renew_session(std::string_view token) override;
  std::optional<Actor> actor(std::int64_t user_id) override;
  std::optional<User> user(const Actor& actor, std::int64_t id) override;
  std::optional<User> user_by_name(const Actor& actor, std::string_view name) override;
  std::int64_t user_count() override;
  Result<User> create_user(const Actor& actor, std::string_view name, std::string_view password,
                           Role role, std::optional<std::int64_t> class_id) override;
  Status set_password(const Actor& actor, std::int64_t user_id,
                      std::string_view password) override;

  Result<Credentials> create_staff(const Actor& actor, std::string_view name, Role role,
                                   std::optional<std::string> password) override;
  Result<std::vector<User>> list_staff(const Actor& actor) override;
  Status set_staff_disabled(const Actor& actor, std::int64_t user_id, bool disabled) override;
  Status set_staff_role(const Actor& actor, std::int64_t user_id, Role role) override;
  Result<Credentials> reset_staff_password(const Actor& actor, std::int64_t user_id) override;

  // For Classes, which creates many accounts in one transaction. A new name normalised, or
  // refused by the username rules or a content filter (invalid_input with the message id).
  Result<i18n::UsernameCheck> check_new_name(std::string_view name) const;
  // argon2id at the configured cost; invalid_input when the password's length is refused.
  Result<std::string> hash_new_password(std::string_view password) const;
  // Inserts an account: exists ("error-username-taken") when the name or a look-alike is taken.
  // Precondition: the caller holds the writer lock (and usually a transaction).
  Result<User> insert_user(const i18n::UsernameCheck& check, const std::string& password_hash,
                           Role role, std::optional<std::int64_t> class_id);
  // True when the name or a name that looks the same is taken. Precondition: writer lock held.
  bool is_taken(const i18n::UsernameCheck& check);

 private:
  // Creates an account with its audit entry (the actor's id; none for the console).
  Result<User> create_account(const Actor& actor, const i18n::UsernameCheck& check,
                              const std::string& hash, Role role,
                              std::optional<std::int64_t> class_id);
  // The staff account `user_id` when `actor` may change it (refusals as in accounts.h).
  // Precondition: writer lock held.
  Result<User> staff_target(const Actor& actor, std::int64_t user_id, bool leaves_admins);
  // One change to a staff account with its audit entry, in one transaction.
  Status change_staff(const Actor& actor, std::int64_t user_id, bool leaves_admins,
                      const std::string& action, const std::string& reason,
                      const std::function<void(const User&)>& change);

  const Options& options_;
  std::mutex& writer_mutex_;
  db::Connection& writer_;
  ReaderPool& readers_;
  mutable std::shared_mutex name_filters_mutex_;  // guards name_filters_
  std::vector<ContentFilter> name_filters_;
  std::once_flag dummy_once_;
  std::string dummy_hash_;  // checked for unknown names (see authenticate)
};

}  // namespace kidwiki::engine

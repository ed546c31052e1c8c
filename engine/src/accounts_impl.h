// Accounts and sessions over the wiki's database, sharing the Wiki's single writer connection.
#pragma once

#include <mutex>
#include <string>
#include <vector>

#include "database.h"
#include "engine/accounts.h"
#include "engine/filter.h"
#include "engine/options.h"
#include "i18n/username.h"
#include "reader_pool.h"

namespace kidwiki::engine {

class AccountsImpl final : public Accounts {
 public:
  // The references belong to the Wiki that owns this object and outlive it. New names are
  // checked against the content filters of every edition in `languages`.
  AccountsImpl(const Options& options, std::mutex& writer_mutex, db::Connection& writer,
               ReaderPool& readers, const std::vector<std::string>& languages);

  Result<User> create_user(std::string_view name, std::string_view password, Role role,
                           std::optional<std::int64_t> class_id) override;
  Result<User> authenticate(std::string_view name, std::string_view password) override;
  Result<NewSession> start_session(std::int64_t user_id) override;
  std::optional<SessionInfo> session(std::string_view token) override;
  void end_session(std::string_view token) override;
  std::optional<User> user(std::int64_t id) override;
  std::optional<User> user_by_name(std::string_view name) override;
  Status set_password(std::int64_t user_id, std::string_view password) override;
  std::int64_t user_count() override;

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
  // Stores a new hash and ends the account's sessions. Precondition: writer lock held and a
  // transaction open.
  void replace_password(std::int64_t user_id, const std::string& password_hash);
  // The accounts of a class, by name.
  std::vector<User> users_in_class(std::int64_t class_id);

 private:
  // Pupils of an archived class may not log in.
  bool class_archived(std::int64_t class_id);

  const Options& options_;
  std::mutex& writer_mutex_;
  db::Connection& writer_;
  ReaderPool& readers_;
  std::vector<ContentFilter> name_filters_;
  std::once_flag dummy_once_;
  std::string dummy_hash_;  // checked for unknown names (see authenticate)
};

}  // namespace kidwiki::engine

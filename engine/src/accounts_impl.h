// Accounts and sessions over the wiki's database, sharing the Wiki's single writer connection.
#pragma once

#include <mutex>
#include <string>
#include <vector>

#include "database.h"
#include "engine/accounts.h"
#include "engine/filter.h"
#include "engine/options.h"
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

 private:
  const Options& options_;
  std::mutex& writer_mutex_;
  db::Connection& writer_;
  ReaderPool& readers_;
  std::vector<ContentFilter> name_filters_;
  std::once_flag dummy_once_;
  std::string dummy_hash_;  // checked for unknown names (see authenticate)
};

}  // namespace kidwiki::engine

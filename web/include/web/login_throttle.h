// How many failed logins the server lets through before it asks to wait.
//
// Two limits, both counting failed attempts only (a successful login never counts):
// - per account, strict, against guessing one pupil's password;
// - per client address, generous, because a whole school reaches the wiki from one address and
//   a class of 35 logging in within the same minute, with a few typos, must pass.
// Kept in memory only: client addresses are never written to the database, and everything here
// is forgotten when the server stops.
//
// Thread-safety: every method may be called from many threads at once.
#pragma once

#include <chrono>
#include <cstddef>
#include <deque>
#include <functional>
#include <mutex>
#include <string>
#include <string_view>
#include <unordered_map>

namespace kidwiki::web {

struct LoginLimits {
  // Failures per account within account_window before the account must wait.
  std::size_t account_failures = 5;
  std::chrono::seconds account_window = std::chrono::minutes(15);
  // Failures per client address within address_window before the address must wait.
  std::size_t address_failures = 300;
  std::chrono::seconds address_window = std::chrono::minutes(10);
  // Accounts plus addresses remembered at most; past it, the oldest are forgotten first.
  std::size_t max_entries = 100000;
};

class LoginThrottle {
 public:
  using Clock = std::function<std::chrono::steady_clock::time_point()>;

  explicit LoginThrottle(LoginLimits limits = {}, Clock clock = std::chrono::steady_clock::now);

  // Zero when an attempt for `account` (a username key, see i18n/username.h) from `address` may
  // be tried now; else how long to wait, rounded up to whole seconds (at least 1).
  std::chrono::seconds wait_before(std::string_view account, std::string_view address);
  // A wrong name or password for `account` from `address`.
  void record_failure(std::string_view account, std::string_view address);
  // A successful login: the account's failures are forgiven; the address's are kept.
  void record_success(std::string_view account);
  // Accounts and addresses currently remembered (for tests of the memory bound).
  std::size_t size() const;

 private:
  using TimePoint = std::chrono::steady_clock::time_point;
  using Failures = std::unordered_map<std::string, std::deque<TimePoint>>;

  static std::chrono::seconds wait_in(const Failures& map, std::string_view key, std::size_t limit,
                                      std::chrono::seconds window, TimePoint now);
  void add(Failures& map, std::string_view key, std::size_t limit, TimePoint now);
  void prune(TimePoint now);

  LoginLimits limits_;
  Clock clock_;
  mutable std::mutex mutex_;
  Failures accounts_;
  Failures addresses_;
  std::size_t since_sweep_ = 0;  // failures recorded since expired entries were last swept
};

}  // namespace kidwiki::web

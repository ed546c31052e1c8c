// How many failed logins the server lets through before it asks to wait, fairly: a classmate
// typing a friend's name with wrong passwords slows down the classmate, not the friend.
//
// Failed attempts only are counted (a successful login never counts), in four ways:
// - per account and browser (the browser's device cookie, or the address without one), strict:
//   the guesser's own browser waits;
// - per account over all browsers, against guessing from many browsers: only browsers the
//   account has never logged in from wait;
// - per browser over all accounts, against one browser trying many names;
// - per client address, generous, because a whole school reaches the wiki from one address and
//   a class of 35 logging in within the same minute, with a few typos, must pass.
// A browser the account has logged in from before never waits more than a minute, and a teacher
// can unlock a pupil at once. Kept in memory only: addresses and device ids are never written to
// the database, and everything here is forgotten when the server stops.
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
#include <vector>

namespace kidwiki::web {

struct LoginLimits {
  // Failures for one account from one browser within pair_window before that browser waits.
  std::size_t pair_failures = 5;
  std::chrono::seconds pair_window = std::chrono::minutes(15);
  // Failures for one account from every browser within account_window before the browsers it
  // has never logged in from wait.
  std::size_t account_failures = 10;
  std::chrono::seconds account_window = std::chrono::minutes(15);
  // Failures from one browser, whatever the names, within device_window before it waits.
  std::size_t device_failures = 20;
  std::chrono::seconds device_window = std::chrono::minutes(10);
  // Failures per client address within address_window before the address must wait.
  std::size_t address_failures = 300;
  std::chrono::seconds address_window = std::chrono::minutes(10);
  // The longest wait of a browser the account logged in from within known_for.
  std::chrono::seconds known_device_wait = std::chrono::minutes(1);
  std::chrono::seconds known_for = std::chrono::hours(24 * 180);
  std::size_t known_devices_per_account = 8;
  // Accounts, browsers and addresses remembered at most; past it, the oldest are forgotten first.
  std::size_t max_entries = 100000;
};

// Where an attempt comes from: the client's address and the browser's device id (the
// kidwiki_device cookie), empty when the browser sent none.
struct LoginSource {
  std::string_view address;
  std::string_view device;
};

class LoginThrottle {
 public:
  using Clock = std::function<std::chrono::steady_clock::time_point()>;

  explicit LoginThrottle(LoginLimits limits = {}, Clock clock = std::chrono::steady_clock::now);

  // Zero when an attempt for `account` (a username key, see i18n/username.h) from `source` may be
  // tried now; else how long to wait, rounded up to whole seconds (at least 1).
  std::chrono::seconds wait_before(std::string_view account, const LoginSource& source);
  // A wrong name or password for `account` from `source`.
  void record_failure(std::string_view account, const LoginSource& source);
  // A successful login: the account's failures are forgiven (the browser's and the address's
  // are kept), and the browser becomes one the account logs in from.
  void record_success(std::string_view account, const LoginSource& source);
  // How long browsers new to `account` must wait because of failures from every browser: what
  // a teacher sees as "locked". Zero when they need not.
  std::chrono::seconds account_lock(std::string_view account);
  // A teacher's unlock: every failure counted against `account` is forgotten.
  void unlock(std::string_view account);
  // Accounts, browsers and addresses currently remembered (for tests of the memory bound).
  std::size_t size() const;

 private:
  using TimePoint = std::chrono::steady_clock::time_point;
  using Times = std::deque<TimePoint>;
  using Failures = std::unordered_map<std::string, Times>;
  struct Account {
    Times failures;        // from every browser
    Failures by_browser;   // per device id, or per address without one
  };

  static std::chrono::seconds wait_in(const Times* times, std::size_t limit,
                                      std::chrono::seconds window, TimePoint now);
  static const Times* find(const Failures& map, std::string_view key);
  static void add(Times& times, std::size_t limit, TimePoint now);
  bool is_known(std::string_view account, std::string_view device, TimePoint now) const;
  std::size_t size_unlocked() const;
  void prune(TimePoint now);

  LoginLimits limits_;
  Clock clock_;
  mutable std::mutex mutex_;
  std::unordered_map<std::string, Account> accounts_;
  Failures devices_;
  Failures addresses_;
  // account -> the browsers it logged in from, newest last, with when.
  std::unordered_map<std::string, std::vector<std::pair<std::string, TimePoint>>> known_;
  std::size_t since_sweep_ = 0;  // failures recorded since expired entries were last swept
};

}  // namespace kidwiki::web

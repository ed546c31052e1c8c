#include "web/login_throttle.h"

#include <algorithm>
#include <vector>

namespace kidwiki::web {
namespace {

// Expired entries are swept after this many failures, so memory follows the recent traffic.
constexpr std::size_t kSweepEvery = 1024;
// Browsers remembered per account: a classmate's many browsers cannot grow one account without
// bound.
constexpr std::size_t kBrowsersPerAccount = 64;

// The browser an attempt counts against: its device id, else its address.
std::string browser_key(const LoginSource& source) {
  return source.device.empty() ? "a:" + std::string(source.address)
                               : "d:" + std::string(source.device);
}

}  // namespace

LoginThrottle::LoginThrottle(LoginLimits limits, Clock clock)
    : limits_(limits), clock_(std::move(clock)) {}

const LoginThrottle::Times* LoginThrottle::find(const Failures& map, std::string_view key) {
  const auto it = map.find(std::string(key));
  return it == map.end() ? nullptr : &it->second;
}

std::chrono::seconds LoginThrottle::wait_in(const Times* times, std::size_t limit,
                                            std::chrono::seconds window, TimePoint now) {
  // Invariant: a deque holds at most `limit` failures, the newest at the back; the front is
  // then the one whose expiry lets the next attempt through.
  if (times == nullptr || times->size() < limit) return std::chrono::seconds(0);
  const auto free_at = times->front() + window;
  if (free_at <= now) return std::chrono::seconds(0);
  return std::max(std::chrono::seconds(1), std::chrono::ceil<std::chrono::seconds>(free_at - now));
}

bool LoginThrottle::is_known(std::string_view account, std::string_view device,
                             TimePoint now) const {
  if (device.empty()) return false;
  const auto it = known_.find(std::string(account));
  if (it == known_.end()) return false;
  return std::any_of(it->second.begin(), it->second.end(), [&](const auto& entry) {
    return entry.first == device && entry.second + limits_.known_for > now;
  });
}

std::chrono::seconds LoginThrottle::wait_before(std::string_view account,
                                                const LoginSource& source) {
  const TimePoint now = clock_();
  std::lock_guard lock(mutex_);
  const auto it = accounts_.find(std::string(account));
  const Account* state = it == accounts_.end() ? nullptr : &it->second;
  const bool known = is_known(account, source.device, now);
  std::chrono::seconds wait = std::max(
      wait_in(state ? find(state->by_browser, browser_key(source)) : nullptr,
              limits_.pair_failures, limits_.pair_window, now),
      wait_in(find(addresses_, source.address), limits_.address_failures, limits_.address_window,
              now));
  if (!known && state) {
    wait = std::max(wait, wait_in(&state->failures, limits_.account_failures,
                                  limits_.account_window, now));
  }
  if (!source.device.empty()) {
    wait = std::max(wait, wait_in(find(devices_, source.device), limits_.device_failures,
                                  limits_.device_window, now));
  }
  // The account's own browser: whatever others did, a minute at most.
  return known ? std::min(wait, limits_.known_device_wait) : wait;
}

void LoginThrottle::add(Times& times, std::size_t limit, TimePoint now) {
  times.push_back(now);
  while (times.size() > std::max<std::size_t>(1, limit)) times.pop_front();
}

void LoginThrottle::record_failure(std::string_view account, const LoginSource& source) {
  const TimePoint now = clock_();
  std::lock_guard lock(mutex_);
  Account& state = accounts_[std::string(account)];
  add(state.failures, limits_.account_failures, now);
  add(state.by_browser[browser_key(source)], limits_.pair_failures, now);
  if (state.by_browser.size() > kBrowsersPerAccount) {
    std::erase_if(state.by_browser, [&](const auto& entry) {
      return entry.second.back() + limits_.pair_window <= now;
    });
    if (state.by_browser.size() > kBrowsersPerAccount) state.by_browser.erase(state.by_browser.begin());
  }
  if (!source.device.empty()) add(devices_[std::string(source.device)], limits_.device_failures, now);
  add(addresses_[std::string(source.address)], limits_.address_failures, now);
  if (++since_sweep_ >= kSweepEvery || size_unlocked() > limits_.max_entries) {
    since_sweep_ = 0;
    prune(now);
  }
}

void LoginThrottle::record_success(std::string_view account, const LoginSource& source) {
  const TimePoint now = clock_();
  std::lock_guard lock(mutex_);
  if (auto it = accounts_.find(std::string(account)); it != accounts_.end()) {
    it->second.failures.clear();
    it->second.by_browser.erase(browser_key(source));
  }
  if (source.device.empty()) return;
  auto& devices = known_[std::string(account)];
  std::erase_if(devices, [&](const auto& entry) { return entry.first == source.device; });
  devices.emplace_back(std::string(source.device), now);
  if (devices.size() > limits_.known_devices_per_account) devices.erase(devices.begin());
}

std::chrono::seconds LoginThrottle::account_lock(std::string_view account) {
  const TimePoint now = clock_();
  std::lock_guard lock(mutex_);
  const auto it = accounts_.find(std::string(account));
  if (it == accounts_.end()) return std::chrono::seconds(0);
  return wait_in(&it->second.failures, limits_.account_failures, limits_.account_window, now);
}

void LoginThrottle::unlock(std::string_view account) {
  std::lock_guard lock(mutex_);
  accounts_.erase(std::string(account));
}

std::size_t LoginThrottle::size() const {
  std::lock_guard lock(mutex_);
  return size_unlocked();
}

std::size_t LoginThrottle::size_unlocked() const {
  return accounts_.size() + devices_.size() + addresses_.size() + known_.size();
}

// Drops what has expired; if that is not enough, forgets the least recent entries, so that a
// flood of invented names or browsers cannot grow memory without bound.
void LoginThrottle::prune(TimePoint now) {
  const auto longest = std::max(limits_.account_window, limits_.pair_window);
  std::erase_if(accounts_, [&](const auto& entry) {
    const Account& a = entry.second;
    const bool browsers_expired = std::all_of(a.by_browser.begin(), a.by_browser.end(),
        [&](const auto& b) { return b.second.back() + limits_.pair_window <= now; });
    return browsers_expired && (a.failures.empty() || a.failures.back() + longest <= now);
  });
  auto sweep = [now](Failures& map, std::chrono::seconds window) {
    std::erase_if(map, [&](const auto& entry) { return entry.second.back() + window <= now; });
  };
  sweep(devices_, limits_.device_window);
  sweep(addresses_, limits_.address_window);
  std::erase_if(known_, [&](const auto& entry) {
    return entry.second.back().second + limits_.known_for <= now;
  });
  if (size_unlocked() <= limits_.max_entries) return;
  // Keep three quarters of the cap, so that the next failures do not prune again at once.
  std::vector<TimePoint> newest;
  for (const auto& [key, a] : accounts_) {
    newest.push_back(a.failures.empty() ? TimePoint{} : a.failures.back());
  }
  for (const auto* map : {&devices_, &addresses_}) {
    for (const auto& entry : *map) newest.push_back(entry.second.back());
  }
  for (const auto& entry : known_) newest.push_back(entry.second.back().second);
  const std::size_t drop = newest.size() - limits_.max_entries * 3 / 4;
  std::nth_element(newest.begin(), newest.begin() + static_cast<long>(drop - 1), newest.end());
  const TimePoint cutoff = newest[drop - 1];
  std::erase_if(accounts_, [&](const auto& entry) {
    return entry.second.failures.empty() || entry.second.failures.back() <= cutoff;
  });
  for (auto* map : {&devices_, &addresses_}) {
    std::erase_if(*map, [&](const auto& entry) { return entry.second.back() <= cutoff; });
  }
  std::erase_if(known_, [&](const auto& entry) { return entry.second.back().second <= cutoff; });
}

}  // namespace kidwiki::web

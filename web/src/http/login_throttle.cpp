#include "web/login_throttle.h"

#include <algorithm>
#include <vector>

namespace kidwiki::web {
namespace {

// Expired entries are swept after this many failures, so memory follows the recent traffic.
constexpr std::size_t kSweepEvery = 1024;

}  // namespace

LoginThrottle::LoginThrottle(LoginLimits limits, Clock clock)
    : limits_(limits), clock_(std::move(clock)) {}

std::chrono::seconds LoginThrottle::wait_in(const Failures& map, std::string_view key,
                                            std::size_t limit, std::chrono::seconds window,
                                            TimePoint now) {
  const auto it = map.find(std::string(key));
  // Invariant: a deque holds at most `limit` failures, the newest at the back; the front is
  // then the one whose expiry lets the next attempt through.
  if (it == map.end() || it->second.size() < limit) return std::chrono::seconds(0);
  const auto free_at = it->second.front() + window;
  if (free_at <= now) return std::chrono::seconds(0);
  return std::max(std::chrono::seconds(1), std::chrono::ceil<std::chrono::seconds>(free_at - now));
}

std::chrono::seconds LoginThrottle::wait_before(std::string_view account,
                                                std::string_view address) {
  const TimePoint now = clock_();
  std::lock_guard lock(mutex_);
  return std::max(
      wait_in(accounts_, account, limits_.account_failures, limits_.account_window, now),
      wait_in(addresses_, address, limits_.address_failures, limits_.address_window, now));
}

void LoginThrottle::add(Failures& map, std::string_view key, std::size_t limit, TimePoint now) {
  auto& failures = map[std::string(key)];
  failures.push_back(now);
  while (failures.size() > std::max<std::size_t>(1, limit)) failures.pop_front();
}

void LoginThrottle::record_failure(std::string_view account, std::string_view address) {
  const TimePoint now = clock_();
  std::lock_guard lock(mutex_);
  add(accounts_, account, limits_.account_failures, now);
  add(addresses_, address, limits_.address_failures, now);
  if (++since_sweep_ >= kSweepEvery || accounts_.size() + addresses_.size() > limits_.max_entries) {
    since_sweep_ = 0;
    prune(now);
  }
}

void LoginThrottle::record_success(std::string_view account) {
  std::lock_guard lock(mutex_);
  accounts_.erase(std::string(account));
}

std::size_t LoginThrottle::size() const {
  std::lock_guard lock(mutex_);
  return accounts_.size() + addresses_.size();
}

// Drops what has expired; if that is not enough, forgets the least recent entries, so that a
// flood of invented names cannot grow memory without bound.
void LoginThrottle::prune(TimePoint now) {
  auto sweep = [now](Failures& map, std::chrono::seconds window) {
    std::erase_if(map, [&](const auto& entry) { return entry.second.back() + window <= now; });
  };
  sweep(accounts_, limits_.account_window);
  sweep(addresses_, limits_.address_window);
  if (accounts_.size() + addresses_.size() <= limits_.max_entries) return;
  std::vector<TimePoint> newest;
  for (const auto* map : {&accounts_, &addresses_}) {
    for (const auto& entry : *map) newest.push_back(entry.second.back());
  }
  // Keep three quarters of the cap, so that the next failures do not prune again at once.
  const std::size_t drop = newest.size() - limits_.max_entries * 3 / 4;
  std::nth_element(newest.begin(), newest.begin() + static_cast<long>(drop - 1), newest.end());
  const TimePoint cutoff = newest[drop - 1];
  for (auto* map : {&accounts_, &addresses_}) {
    std::erase_if(*map, [&](const auto& entry) { return entry.second.back() <= cutoff; });
  }
}

}  // namespace kidwiki::web

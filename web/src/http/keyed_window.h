// Counts recent events per key (an account, a class, an address) over a sliding time window: the
// arithmetic behind the server's in-memory rate limits. Not thread-safe: its owner locks.
#pragma once

#include <chrono>
#include <cstddef>
#include <deque>
#include <string>
#include <string_view>
#include <unordered_map>

namespace kidwiki::web {

class KeyedWindow {
 public:
  using TimePoint = std::chrono::steady_clock::time_point;

  KeyedWindow(std::size_t limit, std::chrono::seconds window) : limit_(limit), window_(window) {}

  // Zero when one more event for `key` fits in the window at `now`; else how long until it does,
  // rounded up to whole seconds (at least 1).
  std::chrono::seconds wait(std::string_view key, TimePoint now) const;
  void add(std::string_view key, TimePoint now);
  void forget(std::string_view key) { events_.erase(std::string(key)); }
  // Drops keys whose every event has left the window, so memory follows recent traffic.
  void prune(TimePoint now);
  std::size_t size() const { return events_.size(); }

 private:
  std::size_t limit_;
  std::chrono::seconds window_;
  // Invariant: a deque holds at most max(1, limit_) events, the newest at the back; the front is
  // then the one whose expiry lets the next event through.
  std::unordered_map<std::string, std::deque<TimePoint>> events_;
};

}  // namespace kidwiki::web

// The login throttle on its own, with a clock the test moves: the strict per-account limit, the
// generous per-address limit a whole school shares, and the bound on memory.
#include "web/login_throttle.h"

#include <doctest/doctest.h>

#include <chrono>
#include <string>
#include <thread>
#include <vector>

namespace {

using kidwiki::web::LoginLimits;
using kidwiki::web::LoginSource;
using kidwiki::web::LoginThrottle;
using namespace std::chrono_literals;

// A clock that stands still until the test moves it.
struct FakeClock {
  std::chrono::steady_clock::time_point now{};
  LoginThrottle::Clock function() {
    return [this] { return now; };
  }
};

constexpr const char* kSchool = "192.0.2.10";

// A browser without a device cookie at `address`.
LoginSource at(const char* address) { return {address, ""}; }

}  // namespace

TEST_CASE("an account waits after five failures, and only until the oldest one expires") {
  struct Row {
    const char* name;
    int failures;
    std::chrono::milliseconds later;  // time passed after the last failure
    std::chrono::seconds wait;        // expected wait
  };
  const Row rows[] = {
      {"four failures pass", 4, 0s, 0s},
      {"five failures wait for the whole window", 5, 0s, 15min},
      {"the wait shrinks as time passes", 5, 10min, 5min},
      {"rounded up to a whole second", 5, 15min - 500ms, 1s},
      {"free again once the window is over", 5, 15min, 0s},
      {"more failures keep only the newest five", 9, 0s, 15min},
  };
  for (const auto& row : rows) {
    CAPTURE(row.name);
    FakeClock clock;
    LoginThrottle throttle({}, clock.function());
    for (int i = 0; i < row.failures; ++i) throttle.record_failure("lea", {kSchool, ""});
    clock.now += row.later;
    CHECK(throttle.wait_before("lea", {kSchool, ""}) == row.wait);
    CHECK(throttle.wait_before("tom", {kSchool, ""}) == 0s);  // another pupil of the same school
  }
}

TEST_CASE("a classmate's wrong guesses slow down the classmate, never the pupil's own browser") {
  FakeClock clock;
  LoginThrottle throttle({}, clock.function());
  const LoginSource lea_pc{kSchool, "lea-browser"};
  const LoginSource classmate_pc{kSchool, "classmate-browser"};
  const LoginSource new_pc{kSchool, "library-browser"};
  throttle.record_success("lea", lea_pc);  // Léa logged in from her computer last week

  // The classmate types Léa's name with wrong passwords until told to wait.
  int tries = 0;
  while (throttle.wait_before("lea", classmate_pc) == 0s) {
    REQUIRE(++tries <= 5);
    throttle.record_failure("lea", classmate_pc);
  }
  CHECK(tries == 5);
  CHECK(throttle.wait_before("lea", classmate_pc) == 15min);
  // From another computer the classmate gets five more, then the account locks new computers.
  const LoginSource classmate_other{kSchool, "classmate-other"};
  for (int i = 0; i < 5; ++i) throttle.record_failure("lea", classmate_other);
  CHECK(throttle.wait_before("lea", new_pc) == 15min);
  CHECK(throttle.account_lock("lea") == 15min);
  // Léa on her own computer: at most a minute, whatever the classmate did.
  CHECK(throttle.wait_before("lea", lea_pc) <= 1min);
  for (int i = 0; i < 30; ++i) throttle.record_failure("lea", classmate_pc);
  CHECK(throttle.wait_before("lea", lea_pc) <= 1min);
  CHECK(throttle.wait_before("tom", {kSchool, "tom-browser"}) == 0s);  // nor other pupils
  // 35 failures from one browser: it now waits whatever name it types.
  CHECK(throttle.wait_before("tom", classmate_pc) == 10min);

  // The teacher unlocks Léa: every computer may try again at once.
  throttle.unlock("lea");
  CHECK(throttle.account_lock("lea") == 0s);
  CHECK(throttle.wait_before("lea", new_pc) == 0s);
  CHECK(throttle.wait_before("lea", lea_pc) == 0s);
}

TEST_CASE("one browser trying many names waits after twenty failures") {
  FakeClock clock;
  LoginThrottle throttle({}, clock.function());
  const LoginSource guesser{kSchool, "guesser"};
  for (int i = 0; i < 20; ++i) throttle.record_failure("name" + std::to_string(i), guesser);
  CHECK(throttle.wait_before("someone", guesser) == 10min);
  CHECK(throttle.wait_before("someone", {kSchool, "another-browser"}) == 0s);
  clock.now += 10min;
  CHECK(throttle.wait_before("someone", guesser) == 0s);
}

TEST_CASE("a browser is known to an account for 180 days after its last login") {
  FakeClock clock;
  LoginThrottle throttle({}, clock.function());
  const LoginSource mine{kSchool, "mine"};
  throttle.record_success("lea", mine);
  clock.now += std::chrono::hours(24 * 179);
  for (int i = 0; i < 10; ++i) throttle.record_failure("lea", {kSchool, "other"});
  CHECK(throttle.wait_before("lea", mine) == 0s);  // exempt from the account-wide lock
  clock.now += std::chrono::hours(24 * 2);
  for (int i = 0; i < 10; ++i) throttle.record_failure("lea", {kSchool, "other"});
  CHECK(throttle.wait_before("lea", mine) == 15min);  // forgotten: a new browser again
}

TEST_CASE("a successful login forgives the account's failures") {
  FakeClock clock;
  LoginThrottle throttle({}, clock.function());
  for (int i = 0; i < 4; ++i) throttle.record_failure("lea", {kSchool, ""});
  throttle.record_success("lea", at(kSchool));
  for (int i = 0; i < 4; ++i) throttle.record_failure("lea", {kSchool, ""});
  CHECK(throttle.wait_before("lea", {kSchool, ""}) == 0s);
}

TEST_CASE("a class of 35 with typos passes; 300 failures from one address make it wait") {
  FakeClock clock;
  LoginThrottle throttle({}, clock.function());
  for (int pupil = 0; pupil < 35; ++pupil) {
    const std::string name = "pupil" + std::to_string(pupil);
    if (pupil % 3 == 0) {  // a typo or two first
      throttle.record_failure(name, {kSchool, ""});
      throttle.record_failure(name, {kSchool, ""});
    }
    clock.now += 1s;
    CHECK(throttle.wait_before(name, {kSchool, ""}) == 0s);
    throttle.record_success(name, at(kSchool));
  }
  for (int i = 0; throttle.wait_before("x" + std::to_string(i), {kSchool, ""}) == 0s; ++i) {
    REQUIRE(i < 300);
    throttle.record_failure("x" + std::to_string(i), {kSchool, ""});
  }
  const auto wait = throttle.wait_before("someone", {kSchool, ""});
  CHECK(wait > 0s);
  CHECK(wait <= 10min);
  CHECK(throttle.wait_before("someone", {"198.51.100.7", ""}) == 0s);  // another school
}

TEST_CASE("memory stays bounded under a flood of invented names") {
  FakeClock clock;
  LoginLimits limits;
  limits.max_entries = 100;
  LoginThrottle throttle(limits, clock.function());
  for (int i = 0; i < 5000; ++i) {
    clock.now += 1ms;
    throttle.record_failure("name" + std::to_string(i), {"addr" + std::to_string(i % 50), ""});
    CHECK(throttle.size() <= limits.max_entries);
  }
  // The newest failures are the ones kept.
  for (int i = 0; i < 4; ++i) throttle.record_failure("name4999", {"addr49", ""});
  CHECK(throttle.wait_before("name4999", {"addr49", ""}) > 0s);
}

TEST_CASE("expired entries are swept") {
  FakeClock clock;
  LoginThrottle throttle({}, clock.function());
  for (int i = 0; i < 500; ++i) throttle.record_failure("name" + std::to_string(i), {kSchool, ""});
  CHECK(throttle.size() == 501);
  clock.now += 16min;
  for (int i = 0; i < 1024; ++i) throttle.record_failure("late", {"198.51.100.7", ""});
  CHECK(throttle.size() == 2);
}

TEST_CASE("many threads at once" * doctest::timeout(30)) {
  LoginThrottle throttle;
  std::vector<std::thread> threads;
  for (int t = 0; t < 4; ++t) {
    threads.emplace_back([&throttle, t] {
      for (int i = 0; i < 2000; ++i) {
        const std::string name = "t" + std::to_string(t) + "-" + std::to_string(i % 40);
        if (throttle.wait_before(name, {kSchool, ""}) == 0s) throttle.record_failure(name, {kSchool, ""});
        if (i % 7 == 0) throttle.record_success(name, at(kSchool));
      }
    });
  }
  for (auto& thread : threads) thread.join();
  CHECK(throttle.size() <= 161);
}

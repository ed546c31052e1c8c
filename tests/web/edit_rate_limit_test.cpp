// The save limits in memory, with a clock the test moves: per account, per class, per address
// for readers, and never per address for accounts.
#include <doctest/doctest.h>

#include "http/edit_rate_limit.h"

using kidwiki::web::EditCounter;
using kidwiki::web::EditLimits;
using kidwiki::web::EditRateLimit;
using Kind = EditCounter::Kind;

namespace {

struct FakeClock {
  std::chrono::steady_clock::time_point now{};
  EditRateLimit::Clock function() {
    return [this] { return now; };
  }
};

EditLimits small_limits() {
  EditLimits limits;
  limits.pupil_saves = 2;
  limits.staff_saves = 3;
  limits.class_saves = 4;
  limits.reader_saves = 1;
  return limits;
}

}  // namespace

TEST_CASE("each kind of editor gets its own limit, and waits until the window frees a save") {
  struct Row {
    EditCounter who;
    int allowed;
    std::chrono::seconds window;
  };
  const Row rows[] = {
      {{Kind::pupil, "1", std::nullopt}, 2, std::chrono::minutes(1)},
      {{Kind::staff, "2", std::nullopt}, 3, std::chrono::minutes(1)},
      {{Kind::reader, "10.0.0.1", std::nullopt}, 1, std::chrono::minutes(10)},
  };
  for (const auto& row : rows) {
    CAPTURE(row.who.key);
    FakeClock clock;
    EditRateLimit limit(small_limits(), clock.function());
    for (int i = 0; i < row.allowed; ++i) CHECK(limit.try_save(row.who).count() == 0);
    CHECK(limit.try_save(row.who) == row.window);
    clock.now += row.window - std::chrono::seconds(1);
    CHECK(limit.try_save(row.who) == std::chrono::seconds(1));
    clock.now += std::chrono::seconds(1);
    CHECK(limit.try_save(row.who).count() == 0);
  }
}

TEST_CASE("a class shares one limit; other classes and refused saves do not count") {
  FakeClock clock;
  EditRateLimit limit(small_limits(), clock.function());
  for (int pupil = 0; pupil < 4; ++pupil) {
    CHECK(limit.try_save({Kind::pupil, std::to_string(pupil), 7}).count() == 0);
  }
  CHECK(limit.try_save({Kind::pupil, "99", 7}).count() > 0);  // the class is full
  CHECK(limit.try_save({Kind::pupil, "99", 8}).count() == 0);  // another class is not
  CHECK(limit.try_save({Kind::pupil, "99", 8}).count() == 0);  // 99's own second save
  CHECK(limit.try_save({Kind::pupil, "99", 8}).count() > 0);   // 99's own limit (2)
}

TEST_CASE("accounts are never limited by a shared address") {
  FakeClock clock;
  EditRateLimit limit(small_limits(), clock.function());
  CHECK(limit.try_save({Kind::reader, "10.0.0.1", std::nullopt}).count() == 0);
  CHECK(limit.try_save({Kind::reader, "10.0.0.1", std::nullopt}).count() > 0);
  // The school's address is spent, its pupils' accounts are not.
  for (int pupil = 0; pupil < 3; ++pupil) {
    CHECK(limit.try_save({Kind::pupil, std::to_string(pupil), std::nullopt}).count() == 0);
  }
}

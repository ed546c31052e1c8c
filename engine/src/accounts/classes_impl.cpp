#include "accounts/classes_impl.h"

#include <algorithm>
#include <atomic>
#include <thread>

#include "i18n/time_zone.h"
#include "policy/class_scope.h"
#include "policy/lesson_schedule.h"
#include "policy/require.h"
#include "store/account_store.h"
#include "store/audit_log.h"
#include "store/class_store.h"
#include "store/lesson_store.h"
#include "store/clock.h"
#include "i18n/text.h"
#include "accounts/pseudonyms.h"
#include "store/storage_guard.h"

namespace kidwiki::engine {
namespace {

constexpr std::size_t kMaxClassNameLength = 80;  // code points
constexpr int kMaxNameSuffix = 999;               // "Léa 2" ... "Léa 999"
constexpr int kPseudonymAttempts = 200;

std::string trimmed(std::string_view s) {
  auto is_space = [](char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r'; };
  while (!s.empty() && is_space(s.front())) s.remove_prefix(1);
  while (!s.empty() && is_space(s.back())) s.remove_suffix(1);
  return std::string(s);
}

AuditEntry audit(const Actor& actor, std::string action, std::string target_type,
                 std::int64_t target_id, std::string label, std::optional<std::int64_t> class_id,
                 std::string reason = "") {
  AuditEntry e;
  e.actor_id = actor.id();
  e.action = std::move(action);
  e.target_type = std::move(target_type);
  e.target_id = target_id;
  e.target_label = std::move(label);
  e.class_id = class_id;
  e.reason = std::move(reason);
  return e;
}

Error with_name(Error error, const std::string& name) {
  error.args.emplace_back("name", name);
  return error;
}

// argon2id costs a tenth of a second and 64 MiB per password: a class of 25 is hashed on every
// core at once rather than one after another, before the writer lock is taken.
std::vector<std::string> hash_all(const AccountsImpl& accounts,
                                  const std::vector<std::string>& passwords) {
  std::vector<std::string> hashes(passwords.size());
  std::atomic<std::size_t> next{0};
  auto work = [&] {
    for (std::size_t i; (i = next.fetch_add(1)) < passwords.size();) {
      hashes[i] = accounts.hash_new_password(passwords[i]).value();
    }
  };
  // Two hashes at a time at most: each takes Options::password_memory_bytes (64 MiB), and a
  // school server must survive two teachers creating classes at once.
  unsigned helpers = std::clamp(std::thread::hardware_concurrency(), 1u, 2u) - 1;
  std::vector<std::thread> threads;
  for (unsigned i = 0; i < helpers && i + 1 < passwords.size(); ++i) threads.emplace_back(work);
  work();
  for (auto& t : threads) t.join();
  return hashes;
}

// `base`, or "base 2", "base 3"... whichever is free. Precondition: writer lock held.
Result<i18n::UsernameCheck> free_variant(AccountsImpl& accounts, const i18n::UsernameCheck& base) {
  if (!accounts.is_taken(base)) return base;
  for (int n = 2; n <= kMaxNameSuffix; ++n) {
    auto candidate = accounts.check_new_name(base.name + " " + std::to_string(n));
    if (!candidate) return with_name(candidate.error(), base.name);
    if (!accounts.is_taken(candidate.value())) return candidate;
  }
  return make_error(ErrorCode::exists, "error-username-taken", {{"name", base.name}});
}

// A pseudonym nobody has. Precondition: writer lock held.
Result<i18n::UsernameCheck> fresh_pseudonym(AccountsImpl& accounts, const std::string& lang) {
  for (int attempt = 0; attempt < kPseudonymAttempts; ++attempt) {
    auto candidate = accounts.check_new_name(random_pseudonym(lang));
    if (candidate && !accounts.is_taken(candidate.value())) return candidate;
  }
  return make_error(ErrorCode::exists, "error-pseudonyms-exhausted");
}

}  // namespace

struct ClassesImpl::NamePlan {
  std::vector<i18n::UsernameCheck> names;  // checked first names; empty for pseudonyms
  int pseudonyms = 0;
};

ClassesImpl::ClassesImpl(std::mutex& writer_mutex, db::Connection& writer, ReaderPool& readers,
                         AccountsImpl& accounts, const EditionRegistry& editions,
                         const std::function<std::int64_t()>& clock)
    : writer_mutex_(writer_mutex),
      writer_(writer),
      readers_(readers),
      accounts_(accounts),
      editions_(editions),
      clock_(clock) {}

std::optional<std::string> ClassesImpl::lang_of(std::int64_t edition_id) const {
  if (auto e = editions_.by_id(edition_id)) return e->lang;
  return std::nullopt;
}

std::optional<std::int64_t> ClassesImpl::edition_id_of(std::string_view lang) const {
  if (auto e = editions_.by_lang(lang)) return e->id;
  return std::nullopt;
}

Result<SchoolClass> ClassesImpl::create_class(const Actor& actor, std::string_view raw_name,
                                              std::string_view lang, bool review_required) {
  if (auto refused = policy::require(actor, Action::manage_class); !refused) {
    if (refused.error().message_id != "access-error-forbidden") return refused.error();
    return make_error(ErrorCode::forbidden, "error-class-forbidden");
  }
  std::string name = i18n::is_valid_utf8(raw_name) ? i18n::to_nfc(trimmed(raw_name)) : "";
  if (name.empty() || i18n::code_point_count(name) > kMaxClassNameLength) {
    return make_error(ErrorCode::invalid_input, "error-class-name",
                      {{"max", static_cast<std::int64_t>(kMaxClassNameLength)}});
  }
  auto edition_id = edition_id_of(lang);
  if (!edition_id) return make_error(ErrorCode::not_found, "error-class-edition");
  // The console has no account to teach a class.
  if (!actor.id()) return make_error(ErrorCode::forbidden, "error-class-forbidden");
  return guard_storage([&]() -> Result<SchoolClass> {
    std::lock_guard lock(writer_mutex_);
    db::Transaction tx(writer_);
    SchoolClass c{0,     name,  std::string(lang), *actor.id(), actor.name(), review_required,
                  false, now_iso8601()};
    c.id = insert_class(writer_, c, *edition_id);
    append_audit(writer_, audit(actor, "create-class", "class", c.id, c.name, c.id));
    tx.commit();
    return c;
  });
}

Result<SchoolClass> ClassesImpl::get(const Actor& actor, std::int64_t class_id) {
  auto reader = readers_.lease();
  return policy::class_for(*reader, actor, class_id, policy::ClassUse::see);
}

// A pack is made for a class's lessons, so it is theirs who change the class: its teacher, admins.
Result<SchoolClass> ClassesImpl::pack_class(const Actor& actor, std::int64_t class_id) {
  return class_to_change(actor, class_id);
}

std::vector<SchoolClass> ClassesImpl::list(const Actor& actor) {
  auto reader = readers_.lease();
  return policy::classes_seen(*reader, actor);
}

Result<std::vector<User>> ClassesImpl::pupils(const Actor& actor, std::int64_t class_id) {
  auto reader = readers_.lease();
  auto cls = policy::class_for(*reader, actor, class_id, policy::ClassUse::see);
  if (!cls) return cls.error();
  return users_in_class(*reader, class_id);
}

Result<SchoolClass> ClassesImpl::class_to_change(const Actor& actor, std::int64_t class_id) {
  auto reader = readers_.lease();
  return policy::class_for(*reader, actor, class_id, policy::ClassUse::change);
}

std::string ClassesImpl::class_language(std::optional<std::int64_t> class_id) {
  if (!class_id) return "en";
  auto reader = readers_.lease();
  const auto found = find_class(*reader, *class_id);
  return found ? found->lang : "en";
}

Result<User> ClassesImpl::pupil_for(const Actor& actor, std::int64_t pupil_id) {
  auto reader = readers_.lease();
  auto pupil = find_user(*reader, pupil_id);
  if (!pupil || pupil->role != Role::pupil) {
    return make_error(ErrorCode::not_found, "error-pupil-not-found");
  }
  if (auto refused = policy::may_change_pupil(*reader, actor, *pupil); !refused) {
    return refused.error();
  }
  return *pupil;
}

Result<std::vector<Credentials>> ClassesImpl::add_pupils(const Actor& actor, std::int64_t class_id,
                                                         const std::vector<std::string>& names) {
  if (names.empty() || names.size() > static_cast<std::size_t>(kMaxPupilsPerRequest)) {
    return make_error(ErrorCode::invalid_input, "error-pupil-count",
                      {{"max", std::int64_t{kMaxPupilsPerRequest}}});
  }
  NamePlan plan;
  for (const auto& raw : names) {
    auto check = accounts_.check_new_name(raw);
    if (!check) return with_name(check.error(), trimmed(raw));
    plan.names.push_back(std::move(check).value());
  }
  return create_pupils(actor, class_id, plan);
}

Result<std::vector<Credentials>> ClassesImpl::add_generated_pupils(const Actor& actor,
                                                                   std::int64_t class_id,
                                                                   int count) {
  if (count < 1 || count > kMaxPupilsPerRequest) {
    return make_error(ErrorCode::invalid_input, "error-pupil-count",
                      {{"max", std::int64_t{kMaxPupilsPerRequest}}});
  }
  return create_pupils(actor, class_id, NamePlan{{}, count});
}

Result<std::vector<Credentials>> ClassesImpl::create_pupils(const Actor& actor,
                                                            std::int64_t class_id,
                                                            const NamePlan& plan) {
  auto c = class_to_change(actor, class_id);
  if (!c) return c.error();
  std::size_t count = plan.names.empty() ? plan.pseudonyms : plan.names.size();
  std::vector<std::string> passwords(count);
  for (auto& p : passwords) p = generate_password(c->lang);
  auto hashes = hash_all(accounts_, passwords);
  return guard_storage([&]() -> Result<std::vector<Credentials>> {
    std::lock_guard lock(writer_mutex_);
    db::Transaction tx(writer_);  // rolled back on any early return: all or none
    std::vector<Credentials> out;
    std::string created;
    for (std::size_t i = 0; i < count; ++i) {
      auto name = plan.names.empty() ? fresh_pseudonym(accounts_, c->lang)
                                     : free_variant(accounts_, plan.names[i]);
      if (!name) return name.error();
      auto user = accounts_.insert_user(name.value(), hashes[i], Role::pupil, class_id);
      if (!user) return with_name(user.error(), name->name);
      created += (created.empty() ? "" : ", ") + user->name;
      out.push_back(Credentials{std::move(user).value(), passwords[i]});
    }
    append_audit(writer_, audit(actor, "create-pupils", "class", class_id, c->name, class_id,
                                created));
    tx.commit();
    return out;
  });
}

Result<User> ClassesImpl::unlock_login(const Actor& actor, std::int64_t pupil_id) {
  auto pupil = pupil_for(actor, pupil_id);
  if (!pupil) return pupil.error();
  return guard_storage([&]() -> Result<User> {
    std::lock_guard lock(writer_mutex_);
    db::Transaction tx(writer_);
    append_audit(writer_, audit(actor, "unlock-login", "user", pupil_id, pupil->name,
                                pupil->class_id));
    tx.commit();
    return pupil.value();
  });
}

Result<Credentials> ClassesImpl::reset_password(const Actor& actor, std::int64_t pupil_id) {
  auto pupil = pupil_for(actor, pupil_id);
  if (!pupil) return pupil.error();
  std::string password = generate_password(class_language(pupil->class_id));
  std::string hash = accounts_.hash_new_password(password).value();
  return guard_storage([&]() -> Result<Credentials> {
    std::lock_guard lock(writer_mutex_);
    db::Transaction tx(writer_);
    replace_password(writer_, pupil_id, hash);
    append_audit(writer_, audit(actor, "reset-password", "user", pupil_id, pupil->name,
                                pupil->class_id));
    tx.commit();
    return Credentials{pupil.value(), password};
  });
}

Status ClassesImpl::set_pupil_flag(const Actor& actor, std::int64_t pupil_id, const char* column,
                                   bool value, const char* on_action, const char* off_action) {
  auto pupil = pupil_for(actor, pupil_id);
  if (!pupil) return pupil.error();
  return guard_storage([&]() -> Status {
    std::lock_guard lock(writer_mutex_);
    db::Transaction tx(writer_);
    set_user_flag(writer_, pupil_id, column, value);
    append_audit(writer_, audit(actor, value ? on_action : off_action, "user", pupil_id,
                                pupil->name, pupil->class_id));
    tx.commit();
    return Ok{};
  });
}

Status ClassesImpl::set_trusted(const Actor& actor, std::int64_t pupil_id, bool trusted) {
  return set_pupil_flag(actor, pupil_id, "trusted", trusted, "trust", "untrust");
}

// A disabled pupil's sessions are refused when read (Accounts::session), so none is deleted here:
// enabling the pupil again gives back the sessions they had.
Status ClassesImpl::set_disabled(const Actor& actor, std::int64_t pupil_id, bool disabled) {
  return set_pupil_flag(actor, pupil_id, "disabled", disabled, "disable", "enable");
}

Status ClassesImpl::set_archived(const Actor& actor, std::int64_t class_id, bool archived) {
  auto c = class_to_change(actor, class_id);
  if (!c) return c.error();
  return guard_storage([&]() -> Status {
    std::lock_guard lock(writer_mutex_);
    db::Transaction tx(writer_);
    set_class_archived(writer_, class_id, archived);
    append_audit(writer_, audit(actor, archived ? "archive-class" : "unarchive-class", "class",
                                class_id, c->name, class_id));
    tx.commit();
    return Ok{};
  });
}

Result<LessonWindow> ClassesImpl::lesson_window(const Actor& actor, std::int64_t class_id) {
  auto reader = readers_.lease();
  auto c = policy::class_for(*reader, actor, class_id, policy::ClassUse::see);
  if (!c) return c.error();
  return read_lesson_window(*reader, class_id);
}

Result<LessonState> ClassesImpl::lesson_state(const Actor& actor, std::int64_t class_id) {
  auto window = lesson_window(actor, class_id);
  if (!window) return window.error();
  return policy::lesson_state_at(window.value(), unix_now(clock_), i18n::display_time_zone());
}

Status ClassesImpl::set_lesson_window(const Actor& actor, std::int64_t class_id,
                                      const LessonWindow& window) {
  auto c = class_to_change(actor, class_id);
  if (!c) return c.error();
  if (auto invalid = policy::check_lesson_window(window); !invalid) return invalid;
  LessonWindow sorted = window;
  std::sort(sorted.slots.begin(), sorted.slots.end(), [](const LessonSlot& a, const LessonSlot& b) {
    return a.weekday != b.weekday ? a.weekday < b.weekday : a.start_minute < b.start_minute;
  });
  std::sort(sorted.holidays.begin(), sorted.holidays.end(),
            [](const Holiday& a, const Holiday& b) { return a.first_day < b.first_day; });
  return guard_storage([&]() -> Status {
    std::lock_guard lock(writer_mutex_);
    db::Transaction tx(writer_);
    write_lesson_window(writer_, class_id, sorted);
    append_audit(writer_, audit(actor, "lesson-window", "class", class_id, c->name, class_id,
                                policy::lesson_window_summary(sorted)));
    tx.commit();
    return Ok{};
  });
}

Status ClassesImpl::set_lesson_mode(const Actor& actor, std::int64_t class_id, LessonMode mode) {
  auto c = class_to_change(actor, class_id);
  if (!c) return c.error();
  return guard_storage([&]() -> Status {
    std::lock_guard lock(writer_mutex_);
    db::Transaction tx(writer_);
    // Read under the lock: a timetable saved meanwhile decides whether `lessons` may be chosen.
    LessonWindow window = read_lesson_window(writer_, class_id);
    window.mode = mode;
    if (auto invalid = policy::check_lesson_window(window); !invalid) return invalid;
    write_lesson_mode(writer_, class_id, mode);
    const char* action = mode == LessonMode::closed   ? "editing-off"
                         : mode == LessonMode::always ? "editing-on"
                                                      : "editing-lessons";
    append_audit(writer_, audit(actor, action, "class", class_id, c->name, class_id));
    tx.commit();
    return Ok{};
  });
}

}  // namespace kidwiki::engine

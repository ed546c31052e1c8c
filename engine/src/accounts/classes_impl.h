// Classes over the wiki's database, sharing the Wiki's single writer connection, its writer lock
// and its readers, like AccountsImpl, whose name rules and inserts it reuses.
//
// Scope is decided by the policy (policy/class_scope.h): an actor changes a class or a pupil only
// when they are that class's teacher or an admin (forbidden otherwise).
#pragma once

#include <cstdint>
#include <functional>
#include <mutex>
#include <string>
#include <vector>

#include "accounts/accounts_impl.h"
#include "store/database.h"
#include "engine/classes.h"
#include "engine/wiki.h"
#include "store/reader_pool.h"
#include "wiki/edition_registry.h"

namespace kidwiki::engine {

class ClassesImpl final : public Classes {
 public:
  // The references belong to the Wiki that owns this object and outlive it; `editions` grows when
  // an admin creates an edition.
  ClassesImpl(std::mutex& writer_mutex, db::Connection& writer, ReaderPool& readers,
              AccountsImpl& accounts, const EditionRegistry& editions,
              const std::function<std::int64_t()>& clock);

  Result<SchoolClass> create_class(const Actor& actor, std::string_view name,
                                   std::string_view lang, bool review_required) override;
  Result<SchoolClass> get(const Actor& actor, std::int64_t class_id) override;
  std::vector<SchoolClass> list(const Actor& actor) override;
  Result<std::vector<User>> pupils(const Actor& actor, std::int64_t class_id) override;
  Result<std::vector<Credentials>> add_pupils(const Actor& actor, std::int64_t class_id,
                                              const std::vector<std::string>& names) override;
  Result<std::vector<Credentials>> add_generated_pupils(const Actor& actor, std::int64_t class_id,
                                                        int count) override;
  Result<Credentials> reset_password(const Actor& actor, std::int64_t pupil_id) override;
  Result<User> unlock_login(const Actor& actor, std::int64_t pupil_id) override;
  Status set_trusted(const Actor& actor, std::int64_t pupil_id, bool trusted) override;
  Status set_disabled(const Actor& actor, std::int64_t pupil_id, bool disabled) override;
  Status set_archived(const Actor& actor, std::int64_t class_id, bool archived) override;
  Result<LessonWindow> lesson_window(const Actor& actor, std::int64_t class_id) override;
  Result<LessonState> lesson_state(const Actor& actor, std::int64_t class_id) override;
  Result<SchoolClass> pack_class(const Actor& actor, std::int64_t class_id) override;
  Status set_lesson_window(const Actor& actor, std::int64_t class_id,
                           const LessonWindow& window) override;
  Status set_lesson_mode(const Actor& actor, std::int64_t class_id, LessonMode mode) override;

 private:
  // How a batch of pupils gets its names, chosen under the writer lock where taken names show.
  struct NamePlan;
  Result<std::vector<Credentials>> create_pupils(const Actor& actor, std::int64_t class_id,
                                                 const NamePlan& plan);
  // The class when `actor` may change it. Precondition: none (reads through a reader).
  Result<SchoolClass> class_to_change(const Actor& actor, std::int64_t class_id);
  // The language of a pupil's class, for the words of a new password.
  std::string class_language(std::optional<std::int64_t> class_id);
  // The pupil when `actor` may change them.
  Result<User> pupil_for(const Actor& actor, std::int64_t pupil_id);
  // One flag of a pupil, with its audit entry, in one transaction.
  Status set_pupil_flag(const Actor& actor, std::int64_t pupil_id, const char* column, bool value,
                        const char* on_action, const char* off_action);
  std::optional<std::string> lang_of(std::int64_t edition_id) const;
  std::optional<std::int64_t> edition_id_of(std::string_view lang) const;

  std::mutex& writer_mutex_;
  db::Connection& writer_;
  ReaderPool& readers_;
  AccountsImpl& accounts_;
  const EditionRegistry& editions_;
  const std::function<std::int64_t()>& clock_;  // Options::clock (store/clock.h)
};

}  // namespace kidwiki::engine

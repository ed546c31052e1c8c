// Classes over the wiki's database, sharing the Wiki's single writer connection, its writer lock
// and its readers, like AccountsImpl, whose name rules and inserts it reuses.
//
// Scope is enforced here as well as in the web layer: an actor changes a class or a pupil only
// when they are that class's teacher or an admin (forbidden otherwise).
#pragma once

#include <mutex>
#include <string>
#include <vector>

#include "accounts_impl.h"
#include "database.h"
#include "engine/classes.h"
#include "engine/wiki.h"
#include "reader_pool.h"

namespace kidwiki::engine {

class ClassesImpl final : public Classes {
 public:
  // The references belong to the Wiki that owns this object and outlive it; `editions` is fixed.
  ClassesImpl(std::mutex& writer_mutex, db::Connection& writer, ReaderPool& readers,
              AccountsImpl& accounts, const std::vector<Edition>& editions);

  Result<SchoolClass> create_class(std::int64_t teacher_id, std::string_view name,
                                   std::string_view lang, bool review_required) override;
  std::optional<SchoolClass> get(std::int64_t class_id) override;
  std::vector<SchoolClass> list(std::optional<std::int64_t> teacher_id) override;
  std::vector<User> pupils(std::int64_t class_id) override;
  Result<std::vector<PupilCredentials>> add_pupils(std::int64_t actor_id, std::int64_t class_id,
                                                   const std::vector<std::string>& names) override;
  Result<std::vector<PupilCredentials>> add_generated_pupils(std::int64_t actor_id,
                                                             std::int64_t class_id,
                                                             int count) override;
  Result<PupilCredentials> reset_password(std::int64_t actor_id, std::int64_t pupil_id) override;
  Status set_trusted(std::int64_t actor_id, std::int64_t pupil_id, bool trusted) override;
  Status set_disabled(std::int64_t actor_id, std::int64_t pupil_id, bool disabled) override;
  Status set_archived(std::int64_t actor_id, std::int64_t class_id, bool archived) override;
  Result<PupilCredentials> create_staff(std::int64_t actor_id, std::string_view name, Role role,
                                        std::optional<std::string> password) override;

 private:
  // How a batch of pupils gets its names, chosen under the writer lock where taken names show.
  struct NamePlan;
  Result<std::vector<PupilCredentials>> create_pupils(std::int64_t actor_id,
                                                      std::int64_t class_id, const NamePlan& plan);
  // The class when `actor_id` may change it: its teacher or an admin.
  Result<SchoolClass> class_for(std::int64_t actor_id, std::int64_t class_id);
  // The pupil when `actor_id` may change them: their class's teacher or an admin (only an admin
  // for a pupil outside any class).
  Result<User> pupil_for(std::int64_t actor_id, std::int64_t pupil_id);
  // One flag of a pupil, with its audit entry, in one transaction.
  Status set_pupil_flag(std::int64_t actor_id, std::int64_t pupil_id, const char* column,
                        bool value, const char* on_action, const char* off_action);
  std::optional<std::string> lang_of(std::int64_t edition_id) const;
  std::optional<std::int64_t> edition_id_of(std::string_view lang) const;

  std::mutex& writer_mutex_;
  db::Connection& writer_;
  ReaderPool& readers_;
  AccountsImpl& accounts_;
  const std::vector<Edition>& editions_;
};

}  // namespace kidwiki::engine

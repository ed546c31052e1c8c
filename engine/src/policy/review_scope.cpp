#include "policy/review_scope.h"

#include "store/class_store.h"

namespace kidwiki::engine::policy {

std::optional<std::vector<std::int64_t>> reviewed_authors(db::Connection& c, const Actor& actor) {
  if (actor.may(Action::review_all)) return std::nullopt;
  if (!actor.may(Action::review_class) || !actor.id()) return std::vector<std::int64_t>{};
  return pupils_of_teacher(c, *actor.id());
}

bool reviews_author(db::Connection& c, const Actor& actor, std::optional<std::int64_t> author_id) {
  if (actor.may(Action::review_all)) return true;
  if (!actor.may(Action::review_class) || !actor.id() || !author_id) return false;
  return teacher_of(c, *author_id) == actor.id();
}

}  // namespace kidwiki::engine::policy

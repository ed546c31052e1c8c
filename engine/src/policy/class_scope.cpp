#include "policy/class_scope.h"

#include "policy/require.h"
#include "store/class_store.h"

namespace kidwiki::engine::policy {
namespace {

Error class_forbidden() { return make_error(ErrorCode::forbidden, "error-class-forbidden"); }

bool teaches(const Actor& actor, const SchoolClass& cls) {
  return actor.may(Action::manage_class) && actor.id() == cls.teacher_id;
}

// Admins (and the console) manage every class; teachers only theirs.
bool manages_all(const Actor& actor) {
  return actor.may(Action::manage_class) && actor.may(Action::manage_accounts);
}

bool sees_all(const Actor& actor) { return actor.may(Action::view_audit_all); }

}  // namespace

Result<SchoolClass> class_for(db::Connection& c, const Actor& actor, std::int64_t class_id,
                              ClassUse use) {
  auto cls = find_class(c, class_id);
  if (!cls) return make_error(ErrorCode::not_found, "error-class-not-found");
  const bool allowed = teaches(actor, *cls) || manages_all(actor) ||
                       (use == ClassUse::see && sees_all(actor));
  if (!allowed) return class_forbidden();
  return *cls;
}

std::vector<SchoolClass> classes_seen(db::Connection& c, const Actor& actor) {
  if (sees_all(actor) || manages_all(actor)) return classes_of(c, std::nullopt);
  if (!actor.may(Action::manage_class) || !actor.id()) return {};
  return classes_of(c, actor.id());
}

Status may_change_pupil(db::Connection& c, const Actor& actor, const User& pupil) {
  if (manages_all(actor)) return Ok{};
  if (!pupil.class_id) return class_forbidden();
  auto cls = class_for(c, actor, *pupil.class_id, ClassUse::change);
  if (!cls) return cls.error();
  return Ok{};
}

Result<std::optional<std::int64_t>> audit_class(db::Connection& c, const Actor& actor,
                                                std::optional<std::int64_t> class_id) {
  if (actor.may(Action::view_audit_all)) return class_id;
  if (auto refused = require(actor, Action::view_audit_class); !refused) return refused.error();
  if (!class_id) return make_error(ErrorCode::forbidden, "moderation-error-audit-class");
  auto cls = find_class(c, *class_id);
  if (!cls || cls->teacher_id != actor.id()) {
    return make_error(ErrorCode::forbidden, "access-error-forbidden");
  }
  return class_id;
}

}  // namespace kidwiki::engine::policy

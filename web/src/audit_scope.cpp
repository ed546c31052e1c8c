#include "audit_scope.h"

namespace kidwiki::web {
namespace {

bool is_teacher_of(WebContext& ctx, const Caller& caller, std::int64_t class_id) {
  auto c = ctx.wiki.classes().get(class_id);
  return c && caller.user_id() && c->teacher_id == *caller.user_id();
}

}  // namespace

engine::Result<std::optional<std::int64_t>> audit_scope(WebContext& ctx, const Caller& caller,
                                                        std::optional<std::int64_t> class_id) {
  if (caller.may(engine::Action::view_audit_all)) return class_id;
  if (!caller.may(engine::Action::view_audit_class)) {
    return engine::make_error(engine::ErrorCode::forbidden, "access-error-forbidden");
  }
  if (!class_id)
    return engine::make_error(engine::ErrorCode::invalid_input, "moderation-error-audit-class");
  if (!is_teacher_of(ctx, caller, *class_id)) {
    return engine::make_error(engine::ErrorCode::forbidden, "access-error-forbidden");
  }
  return class_id;
}

}  // namespace kidwiki::web

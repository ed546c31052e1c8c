// Reading the audit log, newest first. Writing is audit_log.h, inside each action's transaction.
#include <algorithm>

#include "moderation/moderation_impl.h"
#include "policy/class_scope.h"
#include "store/audit_log.h"
#include "store/storage_guard.h"

namespace kidwiki::engine {
using namespace safety;
namespace {

constexpr int kMaxAuditPage = 500;

}  // namespace

Result<std::vector<AuditEntry>> ModerationImpl::audit_log(const Actor& actor,
                                                          const AuditQuery& query) {
  auto c = readers_.lease();
  auto class_id = policy::audit_class(*c, actor, query.class_id);
  if (!class_id) return class_id.error();
  return audit_entries(*c, query.before, class_id.value(),
                       std::clamp(query.limit, 1, kMaxAuditPage));
}

}  // namespace kidwiki::engine

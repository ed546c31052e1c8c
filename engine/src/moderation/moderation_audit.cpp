// Reading the audit log, newest first. Writing is audit_log.h, inside each action's transaction.
#include <algorithm>
#include <climits>

#include "moderation/moderation_impl.h"
#include "policy/class_scope.h"
#include "store/storage_guard.h"

namespace kidwiki::engine {
using namespace safety;
namespace {

constexpr std::int64_t kNoLimit = INT64_MAX;
constexpr int kMaxAuditPage = 500;

AuditEntry read_entry(const db::Query& st) {
  AuditEntry e;
  e.id = st.int64(0);
  e.at = st.text(1);
  e.actor_id = st.optional_int64(2);
  e.actor_name = st.text(3);
  e.action = st.text(4);
  e.target_type = st.text(5);
  e.target_id = st.optional_int64(6);
  e.target_label = st.text(7);
  e.class_id = st.optional_int64(8);
  e.reason = st.text(9);
  return e;
}

}  // namespace

Result<std::vector<AuditEntry>> ModerationImpl::audit_log(const Actor& actor,
                                                          const AuditQuery& query) {
  auto c = readers_.lease();
  auto class_id = policy::audit_class(*c, actor, query.class_id);
  if (!class_id) return class_id.error();
  auto st = c->prepare(
      "SELECT a.id, a.at, a.actor_id, COALESCE(u.name, ''), a.action, a.target_type, a.target_id,"
      " a.target_label, a.class_id, a.reason FROM audit_log a LEFT JOIN user u ON u.id = a.actor_id"
      " WHERE a.id < ?1 AND (?2 IS NULL OR a.class_id = ?2) ORDER BY a.id DESC LIMIT ?3");
  st.bind(1, query.before.value_or(kNoLimit)).bind(2, class_id.value());
  st.bind(3, std::int64_t{std::clamp(query.limit, 1, kMaxAuditPage)});
  std::vector<AuditEntry> entries;
  while (st.step()) entries.push_back(read_entry(st));
  return entries;
}

}  // namespace kidwiki::engine

#include "store/audit_log.h"

#include "store/clock.h"

namespace kidwiki::engine {

void append_audit(db::Connection& writer, const AuditEntry& entry) {
  writer
      .prepare(
          "INSERT INTO audit_log (at, actor_id, action, target_type, target_id, target_label,"
          " class_id, reason) VALUES (?, ?, ?, ?, ?, ?, ?, ?)")
      .bind(1, now_iso8601())
      .bind(2, entry.actor_id)
      .bind(3, entry.action)
      .bind(4, entry.target_type)
      .bind(5, entry.target_id)
      .bind(6, entry.target_label)
      .bind(7, entry.class_id)
      .bind(8, entry.reason)
      .run();
}

}  // namespace kidwiki::engine

#include "store/audit_log.h"

#include <climits>

#include "store/clock.h"

namespace kidwiki::engine {
namespace {

constexpr std::int64_t kNoLimit = INT64_MAX;

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

std::vector<AuditEntry> audit_entries(db::Connection& c, std::optional<std::int64_t> before,
                                      std::optional<std::int64_t> class_id, int limit) {
  auto st = c.prepare(
      "SELECT a.id, a.at, a.actor_id, COALESCE(u.name, ''), a.action, a.target_type, a.target_id,"
      " a.target_label, a.class_id, a.reason FROM audit_log a LEFT JOIN user u ON u.id = a.actor_id"
      " WHERE a.id < ?1 AND (?2 IS NULL OR a.class_id = ?2) ORDER BY a.id DESC LIMIT ?3");
  st.bind(1, before.value_or(kNoLimit)).bind(2, class_id).bind(3, std::int64_t{limit});
  std::vector<AuditEntry> entries;
  while (st.step()) entries.push_back(read_entry(st));
  return entries;
}

}  // namespace kidwiki::engine

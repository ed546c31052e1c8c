// Blocks. A block is a row that holds until it expires or is lifted; lifting keeps the row, so
// the history of blocks stays readable beside the audit log.
#include "audit_log.h"
#include "clock.h"
#include "moderation_impl.h"
#include "storage_guard.h"

namespace kidwiki::engine {
using namespace safety;
namespace {

constexpr const char* kActiveBlock =
    "SELECT id, user_id, blocked_by, reason, created_at, expires_at FROM block"
    " WHERE user_id = ? AND lifted_at IS NULL AND (expires_at IS NULL OR expires_at > ?)"
    " ORDER BY id DESC LIMIT 1";

Block read_block(const db::Query& st) {
  Block b;
  b.id = st.int64(0);
  b.user_id = st.int64(1);
  b.blocked_by = st.int64(2);
  b.reason = st.text(3);
  b.created_at = st.text(4);
  std::string expires = st.text(5);  // "" for NULL: until lifted
  if (!expires.empty()) b.expires_at = std::move(expires);
  return b;
}

std::optional<Block> active_block_on(db::Connection& c, std::int64_t user_id) {
  auto st = c.prepare(kActiveBlock);
  st.bind(1, user_id).bind(2, now_iso8601());
  if (!st.step()) return std::nullopt;
  return read_block(st);
}

struct Target {
  std::string name;
  std::string role;
  std::optional<std::int64_t> class_id;  // a pupil's class, so its teacher sees the block
};

std::optional<Target> find_user(db::Connection& c, std::int64_t user_id) {
  auto st = c.prepare("SELECT name, role, class_id FROM user WHERE id = ?");
  st.bind(1, user_id);
  if (!st.step()) return std::nullopt;
  return Target{st.text(0), st.text(1), st.optional_int64(2)};
}

void lift(db::Connection& c, std::int64_t block_id) {
  c.prepare("UPDATE block SET lifted_at = ? WHERE id = ?")
      .bind(1, now_iso8601())
      .bind(2, block_id)
      .run();
}

std::int64_t insert_block(db::Connection& c, const Block& b) {
  auto insert = c.prepare(
      "INSERT INTO block (user_id, blocked_by, reason, created_at, expires_at)"
      " VALUES (?, ?, ?, ?, ?)");
  insert.bind(1, b.user_id).bind(2, b.blocked_by).bind(3, b.reason).bind(4, b.created_at);
  if (b.expires_at) {
    insert.bind(5, std::string_view(*b.expires_at));
  } else {
    insert.bind_null(5);  // until lifted
  }
  insert.run();
  return c.last_insert_id();
}

// A block ends at most about five years ahead (43,920 hours, the most the API's "hours" takes): a
// later date is a typing slip, and a block "until lifted" says so honestly.
constexpr long kLongestBlockSeconds = 43920L * 3600;

std::optional<Error> expiry_problem(const std::optional<std::string>& expires_at) {
  if (!expires_at) return std::nullopt;
  if (!is_iso8601_utc(*expires_at) || *expires_at <= now_iso8601() ||
      *expires_at > iso8601_after(kLongestBlockSeconds)) {
    return make_error(ErrorCode::invalid_input, "moderation-error-block-expiry");
  }
  return std::nullopt;
}

}  // namespace

Result<Block> ModerationImpl::block(std::int64_t actor_id, std::int64_t user_id,
                                    std::string_view reason,
                                    std::optional<std::string> expires_at) {
  if (auto problem = reason_problem(reason, /*required=*/true)) return *problem;
  if (auto problem = expiry_problem(expires_at)) return *problem;
  if (actor_id == user_id) return make_error(ErrorCode::forbidden, "moderation-error-block-self");
  return guard_storage([&]() -> Result<Block> {
    std::lock_guard lock(writer_mutex_);
    auto target = find_user(writer_, user_id);
    if (!target) return make_error(ErrorCode::not_found, "moderation-error-user-not-found");
    if (target->role == "admin") {
      return make_error(ErrorCode::forbidden, "moderation-error-block-admin");
    }
    db::Transaction tx(writer_);
    // A new block replaces the one in force, so a user has at most one.
    if (auto old = active_block_on(writer_, user_id)) lift(writer_, old->id);
    Block b{0, user_id, actor_id, std::string(reason), now_iso8601(), expires_at};
    b.id = insert_block(writer_, b);
    auto entry = audit_entry(actor_id, "block", "user", user_id, target->name, reason);
    entry.class_id = target->class_id;
    append_audit(writer_, entry);
    tx.commit();
    return b;
  });
}

Status ModerationImpl::unblock(std::int64_t actor_id, std::int64_t user_id,
                               std::string_view reason) {
  if (auto problem = reason_problem(reason, /*required=*/false)) return *problem;
  // A blocked moderator must not lift their own block; another moderator decides.
  if (actor_id == user_id) return make_error(ErrorCode::forbidden, "moderation-error-unblock-self");
  return guard_storage([&]() -> Status {
    std::lock_guard lock(writer_mutex_);
    auto target = find_user(writer_, user_id);
    if (!target) return make_error(ErrorCode::not_found, "moderation-error-user-not-found");
    auto current = active_block_on(writer_, user_id);
    if (!current) return make_error(ErrorCode::not_found, "moderation-error-not-blocked");
    db::Transaction tx(writer_);
    lift(writer_, current->id);
    auto entry = audit_entry(actor_id, "unblock", "user", user_id, target->name, reason);
    entry.class_id = target->class_id;
    append_audit(writer_, entry);
    tx.commit();
    return Ok{};
  });
}

std::optional<Block> ModerationImpl::active_block(std::int64_t user_id) {
  auto c = readers_.lease();
  return active_block_on(*c, user_id);
}

std::vector<Block> ModerationImpl::active_blocks() {
  auto c = readers_.lease();
  auto st = c->prepare(
      "SELECT id, user_id, blocked_by, reason, created_at, expires_at FROM block"
      " WHERE lifted_at IS NULL AND (expires_at IS NULL OR expires_at > ?) ORDER BY id DESC");
  st.bind(1, now_iso8601());
  std::vector<Block> blocks;
  while (st.step()) blocks.push_back(read_block(st));
  return blocks;
}

}  // namespace kidwiki::engine

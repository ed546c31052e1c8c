// Blocks. A block is a row that holds until it expires or is lifted; lifting keeps the row, so
// the history of blocks stays readable beside the audit log. What a block stops is decided by
// Actor::may (a blocked account keeps reading, and nothing else).
#include "moderation/moderation_impl.h"
#include "policy/require.h"
#include "store/account_store.h"
#include "store/audit_log.h"
#include "store/clock.h"
#include "store/storage_guard.h"

namespace kidwiki::engine {
using namespace safety;
namespace {

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

AuditEntry block_entry(const Actor& actor, const char* action, const User& target,
                       std::string_view reason) {
  auto entry = audit_entry(actor, action, "user", target.id, target.name, reason);
  entry.class_id = target.class_id;  // a pupil's block shows in their class's audit log
  return entry;
}

}  // namespace

Result<Block> ModerationImpl::block(const Actor& actor, std::int64_t user_id,
                                    std::string_view reason,
                                    std::optional<std::string> expires_at) {
  if (auto refused = policy::require(actor, Action::block_user); !refused) return refused.error();
  if (auto problem = reason_problem(reason, /*required=*/true)) return *problem;
  if (auto problem = expiry_problem(expires_at)) return *problem;
  // The console has no account to record as the blocker.
  if (!actor.id()) return make_error(ErrorCode::forbidden, "access-error-forbidden");
  if (actor.id() == user_id) return make_error(ErrorCode::forbidden, "moderation-error-block-self");
  return guard_storage([&]() -> Result<Block> {
    std::lock_guard lock(writer_mutex_);
    auto target = find_user(writer_, user_id);
    if (!target) return make_error(ErrorCode::not_found, "moderation-error-user-not-found");
    if (target->role == Role::admin) {
      return make_error(ErrorCode::forbidden, "moderation-error-block-admin");
    }
    db::Transaction tx(writer_);
    // A new block replaces the one in force, so a user has at most one.
    if (auto old = engine::active_block(writer_, user_id)) lift_block(writer_, old->id);
    Block b{0, user_id, *actor.id(), std::string(reason), now_iso8601(), expires_at,
            actor.name(), target->name};
    b.id = insert_block(writer_, b);
    append_audit(writer_, block_entry(actor, "block", *target, reason));
    tx.commit();
    return b;
  });
}

Status ModerationImpl::unblock(const Actor& actor, std::int64_t user_id, std::string_view reason) {
  // A blocked moderator must not lift their own block; another moderator decides. (A block also
  // takes Action::block_user away, so this is refused twice over.)
  if (actor.id() == user_id) return make_error(ErrorCode::forbidden, "moderation-error-unblock-self");
  if (auto refused = policy::require(actor, Action::block_user); !refused) return refused;
  if (auto problem = reason_problem(reason, /*required=*/false)) return *problem;
  return guard_storage([&]() -> Status {
    std::lock_guard lock(writer_mutex_);
    auto target = find_user(writer_, user_id);
    if (!target) return make_error(ErrorCode::not_found, "moderation-error-user-not-found");
    auto current = engine::active_block(writer_, user_id);
    if (!current) return make_error(ErrorCode::not_found, "moderation-error-not-blocked");
    db::Transaction tx(writer_);
    lift_block(writer_, current->id);
    append_audit(writer_, block_entry(actor, "unblock", *target, reason));
    tx.commit();
    return Ok{};
  });
}

std::optional<Block> ModerationImpl::active_block(const Actor& actor, std::int64_t user_id) {
  if (actor.id() != user_id && !actor.may(Action::block_user)) return std::nullopt;
  auto c = readers_.lease();
  return engine::active_block(*c, user_id);
}

Result<std::vector<Block>> ModerationImpl::active_blocks(const Actor& actor) {
  if (auto refused = policy::require(actor, Action::block_user); !refused) return refused.error();
  auto c = readers_.lease();
  return engine::active_blocks(*c);
}

}  // namespace kidwiki::engine

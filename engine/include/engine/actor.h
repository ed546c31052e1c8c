// Who is asking. Every engine call that reads or changes something takes the actor, and the
// engine decides what that actor may see and do (engine/src/policy/): callers pass who, never
// what is allowed.
//
// Actors come from the engine only: a session (Accounts::session), an account
// (Accounts::actor), anyone not logged in (Actor::reader()), or the person at the server's
// console (Actor::console(): the kidwiki program's own subcommands; the web layer never uses it,
// which tests/web/layering_test.cpp checks). An actor is a snapshot taken when it was built (one
// per request): a block or a role changed afterwards applies to the next request.
#pragma once

#include <cstdint>
#include <optional>
#include <string>

#include "engine/permissions.h"
#include "engine/user.h"

namespace kidwiki::engine {

class Actor {
 public:
  // Anyone not logged in.
  static Actor reader();
  // The operator at the server's console: every power of an admin, no account; the audit log
  // records their actions with no actor.
  static Actor console();

  bool logged_in() const { return user_.has_value(); }
  bool is_console() const { return console_; }
  // The account; empty for a reader and the console.
  const std::optional<User>& user() const { return user_; }
  std::optional<std::int64_t> id() const;
  // The name revisions record: the account's, "anonymous" for a reader, "Kidwiki" for the console.
  std::string name() const;
  // The block in force when the actor was built.
  const std::optional<Block>& block() const { return block_; }
  // The column of the permissions table (docs/moderation.md); the console is an admin.
  Who who() const;
  // Whether the permissions table and the actor's block allow `action` (a blocked account keeps
  // only `read` and `see_own_edits`). Which class, page or revision the action may touch is
  // decided by the call that does it.
  bool may(Action action) const;

 private:
  friend struct ActorFactory;  // engine/src/policy/actor_factory.h
  std::optional<User> user_;
  std::optional<Block> block_;
  bool console_ = false;
};

}  // namespace kidwiki::engine

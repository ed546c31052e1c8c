// The one way to build an Actor for an account: from its row and the block in force, both read by
// the engine (Accounts::session, Accounts::actor).
#pragma once

#include <optional>

#include "engine/actor.h"

namespace kidwiki::engine {

struct ActorFactory {
  static Actor for_account(User user, std::optional<Block> block) {
    Actor actor;
    actor.user_ = std::move(user);
    actor.block_ = std::move(block);
    return actor;
  }
  static Actor for_console() {
    Actor actor;
    actor.console_ = true;
    return actor;
  }
};

}  // namespace kidwiki::engine

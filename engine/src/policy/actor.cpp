#include "engine/actor.h"

#include "policy/actor_factory.h"

namespace kidwiki::engine {

Actor Actor::reader() { return Actor{}; }

Actor Actor::console() { return ActorFactory::for_console(); }

std::optional<std::int64_t> Actor::id() const {
  if (!user_) return std::nullopt;
  return user_->id;
}

// The console signs as the wiki itself: seeded pages, moves and saves made on the server.
std::string Actor::name() const {
  if (console_) return "Kidwiki";
  return user_ ? user_->name : "anonymous";
}

Who Actor::who() const { return console_ ? Who::admin : who_is(user_); }

bool Actor::may(Action action) const {
  if (!allowed(who(), action)) return false;
  return !block_ || allowed_while_blocked(action);
}

}  // namespace kidwiki::engine

// A reviewer's decision on a revision named by its id alone (the review routes name no edition),
// for the review page and the API alike: the engine finds the revision for the actor and decides
// whether they may.
#pragma once

#include <cstdint>
#include <string>

#include "engine/wiki.h"
#include "http/web_context.h"

namespace kidwiki::web {

// Approves (`approve`) or sends back (with `message`) revision `revision_id`.
engine::Status review_decision(WebContext& ctx, const engine::Actor& actor,
                               std::int64_t revision_id, bool approve, const std::string& message);

}  // namespace kidwiki::web

// A Wiki that forwards to a real one, except where a test makes it fail: a storage error on
// save, or an exception (a bug) on recent_changes. For testing the server's failure paths.
#pragma once

#include <stdexcept>

#include "../forwarding_wiki.h"

namespace kidwiki::web::testing {

class FaultyWiki : public kidwiki::testing::ForwardingWiki {
 public:
  explicit FaultyWiki(engine::Wiki& real) : ForwardingWiki(real) {}

  bool fail_saves = false;       // save() answers ErrorCode::storage
  bool throw_on_recent = false;  // recent_changes() throws std::logic_error

  Result<engine::SaveOutcome> save(const engine::Actor& actor, const Edition& ed,
                                   const Title& title,
                                   const engine::SaveRequest& request) override {
    if (fail_saves) return engine::make_error(engine::ErrorCode::storage, "api-error-internal");
    return inner_.save(actor, ed, title, request);
  }
  Result<engine::Page> recent_changes(const engine::Actor& actor, const Edition& ed, int limit,
                                      std::optional<std::int64_t> before) override {
    if (throw_on_recent) throw std::logic_error("recent_changes: a planted bug");
    return inner_.recent_changes(actor, ed, limit, before);
  }
};

}  // namespace kidwiki::web::testing

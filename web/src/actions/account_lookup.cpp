#include "actions/account_lookup.h"

#include <algorithm>

#include "http/query_params.h"

namespace kidwiki::web {

engine::Result<engine::User> account_from_path(WebContext& ctx, const engine::Actor& actor,
                                               const std::string& raw) {
  std::optional<engine::User> found;
  if (auto id = parse_positive_id(raw)) {
    found = ctx.wiki.accounts().user(actor, *id);
  } else if (!raw.empty()) {
    found = ctx.wiki.accounts().user_by_name(actor, raw);
    if (!found && raw.find('_') != std::string::npos) {
      std::string spaced = raw;
      std::replace(spaced.begin(), spaced.end(), '_', ' ');
      found = ctx.wiki.accounts().user_by_name(actor, spaced);
    }
  }
  if (!found) return engine::make_error(engine::ErrorCode::not_found, "moderation-error-user-not-found");
  return *found;
}

}  // namespace kidwiki::web

#include "actions/review_decision.h"

namespace kidwiki::web {

engine::Status review_decision(WebContext& ctx, const engine::Actor& actor,
                               std::int64_t revision_id, bool approve, const std::string& message) {
  auto edit = ctx.wiki.find_edit(actor, revision_id);
  if (!edit) return edit.error();
  const auto ed = ctx.wiki.edition(edit->lang);
  if (!ed) {
    return engine::make_error(engine::ErrorCode::not_found, "error-revision-not-found",
                              {{"id", revision_id}});
  }
  if (approve) return ctx.wiki.approve(actor, *ed, revision_id);
  return ctx.wiki.reject(actor, *ed, revision_id, message);
}

}  // namespace kidwiki::web

#include "html/edit/html_edit_gate.h"

#include "http/access.h"
#include "html/page/html_layout.h"

namespace kidwiki::web {

bool form_allowed(const httplib::Request& req, httplib::Response& res, const HtmlContext& ctx,
                  const engine::Title& title, bool move) {
  const Caller caller{ctx.session};
  auto allowed = ctx.wiki().may_edit(ctx.actor, ctx.ed(), title, move);
  if (allowed) return true;
  if (allowed.error().code == engine::ErrorCode::not_logged_in) {
    send_not_allowed(req, res, ctx.web, caller);
  } else {
    send_engine_error(res, ctx, allowed.error());
  }
  return false;
}

}  // namespace kidwiki::web

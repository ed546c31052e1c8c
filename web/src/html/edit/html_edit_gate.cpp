#include "html/edit/html_edit_gate.h"

#include "http/access.h"
#include "html/page/html_layout.h"

namespace kidwiki::web {

namespace {

bool answer_refusal(const httplib::Request& req, httplib::Response& res, const HtmlContext& ctx,
                    const engine::Status& allowed) {
  const Caller caller{ctx.session};
  if (allowed) return true;
  if (allowed.error().code == engine::ErrorCode::not_logged_in) {
    send_not_allowed(req, res, ctx.web, caller);
  } else {
    send_engine_error(res, ctx, allowed.error());
  }
  return false;
}

}  // namespace

bool form_allowed(const httplib::Request& req, httplib::Response& res, const HtmlContext& ctx,
                  const engine::Title& title, bool move) {
  return answer_refusal(req, res, ctx, ctx.wiki().may_edit(ctx.actor, ctx.ed(), title, move));
}

bool edit_form_allowed(const httplib::Request& req, httplib::Response& res, const HtmlContext& ctx,
                       const engine::Title& title, std::optional<std::string>& closed_notice) {
  auto allowed = ctx.wiki().may_edit(ctx.actor, ctx.ed(), title);
  if (!allowed && allowed.error().code == engine::ErrorCode::closed) {
    closed_notice = ctx.msg(allowed.error().message_id, allowed.error().args);
    return true;
  }
  return answer_refusal(req, res, ctx, allowed);
}

}  // namespace kidwiki::web

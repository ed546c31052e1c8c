#include "actions/report_limit.h"

#include "http/access.h"
#include "http/web_context.h"

namespace kidwiki::web {

std::chrono::seconds report_wait(const httplib::Request& req, WebContext& ctx,
                                 const Caller& caller) {
  auto id = caller.user_id();
  return ctx.reports.try_take(id ? "user:" + std::to_string(*id)
                                 : "addr:" + client_address(req, ctx.options));
}

}  // namespace kidwiki::web

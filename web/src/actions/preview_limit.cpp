#include "actions/preview_limit.h"

#include "http/access.h"
#include "http/web_context.h"

namespace kidwiki::web {

engine::Status allow_preview(const httplib::Request& req, WebContext& ctx, const Caller& caller) {
  auto id = caller.user_id();
  const auto wait = id ? ctx.account_previews.try_take(std::to_string(*id))
                       : ctx.address_previews.try_take(client_address(req, ctx.options));
  if (wait.count() == 0) return engine::Ok{};
  return engine::make_error(engine::ErrorCode::rate_limited, "preview-error-rate-limited",
                            {{"seconds", static_cast<std::int64_t>(wait.count())}});
}

}  // namespace kidwiki::web

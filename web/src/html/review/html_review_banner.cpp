// The banners over an article for those who see more than readers: the author of a pending
// version (shown to them by the engine, so that their work is there when they come back) and the
// reviewers of edits that wait. The anonymous view cache never holds these pages: it is bypassed
// for every request with a session cookie.
#include "html/review/html_review.h"
#include "html/page/html_urls.h"

namespace kidwiki::web {

TemplateData own_pending_banner(const HtmlContext& ctx) {
  return TemplateData().set("text", ctx.msg("review-banner-author"));
}

TemplateData waiting_banner(const HtmlContext& ctx, int waiting) {
  return TemplateData()
      .set("text", ctx.msg("review-banner-waiting", {{"count", std::int64_t{waiting}}}))
      .set("review_url", Urls(ctx.ed(), ctx.uselang).special("review"))
      .set("review_link", ctx.msg("review-banner-review-link"));
}

}  // namespace kidwiki::web

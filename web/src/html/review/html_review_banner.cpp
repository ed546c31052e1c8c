// The banners over an article for those who see more than readers: the author of a pending
// version (shown to them by the engine, so that their work is there when they come back) and the
// reviewers of edits that wait. The anonymous view cache never holds these pages: it is bypassed
// for every request with a session cookie.
#include "html/review/html_review.h"
#include "html/page/html_urls.h"

namespace kidwiki::web {

TemplateData own_pending_banner(const HtmlContext& ctx, std::int64_t revision_id) {
  TemplateData banner;
  banner.set("text", ctx.msg("review-banner-author"));
  // The words that made it wait, with the filter's own kind explanation of each: a child learns
  // what an adult will look at, and why.
  auto held = ctx.wiki().held_words(ctx.actor, ctx.ed(), revision_id);
  if (!held || held->empty()) return banner;
  std::vector<TemplateData> items;
  for (const auto& found : held.value()) {
    items.push_back(TemplateData()
                        .set("excerpt", found.excerpt)
                        .set("reason", ctx.msg(found.message_id)));
  }
  return banner.set("held_intro", ctx.msg("review-banner-held")).set("held", std::move(items));
}

TemplateData waiting_banner(const HtmlContext& ctx, int waiting) {
  return TemplateData()
      .set("text", ctx.msg("review-banner-waiting", {{"count", std::int64_t{waiting}}}))
      .set("review_url", Urls(ctx.ed(), ctx.uselang).special("review"))
      .set("review_link", ctx.msg("review-banner-review-link"));
}

}  // namespace kidwiki::web

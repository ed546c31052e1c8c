// Who sees a page's newest revision rather than what readers see: its author, so that their work
// is there when they come back, and the reviewers of its author. The anonymous view cache never
// holds these pages: it is bypassed for every request with a session cookie.
#include "access.h"
#include "html_review.h"
#include "html_urls.h"
#include "review_scope.h"

namespace kidwiki::web {

std::optional<engine::AuthorEdit> personal_latest(const HtmlContext& ctx,
                                                  const engine::Title& title) {
  if (!ctx.session) return std::nullopt;
  auto newest = ctx.wiki().history(ctx.ed(), title, 1, std::nullopt,
                                   engine::RevisionScope::everything());
  if (!newest || newest->items.empty()) return std::nullopt;
  const auto review = newest->items.front().review;
  if (review == engine::ReviewState::approved) return std::nullopt;
  auto edit = ctx.wiki().find_edit(newest->items.front().id);
  if (!edit) return std::nullopt;
  if (edit->author_id == ctx.session->user.id) return edit;
  // A sent-back version goes back to its author only; reviewers see pending ones in the queue.
  if (review != engine::ReviewState::pending) return std::nullopt;
  if (!may_review_author(ctx.web, Caller{ctx.session}, edit->author_id)) return std::nullopt;
  return edit;
}

TemplateData pending_banner(const HtmlContext& ctx, const engine::AuthorEdit& latest) {
  TemplateData banner;
  if (latest.author_id == ctx.session->user.id) {
    return banner.set("text", ctx.msg("review-banner-author"));
  }
  return banner.set("text", ctx.msg("review-banner-reviewer", {{"author", latest.info.author}}))
      .set("review_url", Urls(ctx.ed(), ctx.uselang).special("review"))
      .set("review_link", ctx.msg("review-banner-review-link"));
}

}  // namespace kidwiki::web

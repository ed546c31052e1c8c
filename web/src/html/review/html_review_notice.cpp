// The review links of the page header, and the notice that brings a reviewer's message to the
// pupil on their next visit: shown while the pupil's newest edit of a page is the one sent back,
// so it goes away once they edit that page again.
#include <set>

#include "http/access.h"
#include "html/review/html_review.h"
#include "html/page/html_urls.h"

namespace kidwiki::web {
namespace {

// How many of their latest edits are looked at, and how many messages the notice shows at most.
constexpr int kEditsLookedAt = 50;
constexpr std::size_t kMaxNotices = 3;

std::string edit_title(const HtmlContext& ctx, const engine::AuthorEdit& edit) {
  const auto ed = ctx.wiki().edition(edit.lang);
  return ed ? engine::full_title(edit.info.title, ed->names) : edit.info.title.text;
}

std::vector<TemplateData> sent_back_notices(const HtmlContext& ctx, std::int64_t user_id) {
  std::vector<TemplateData> notices;
  std::set<std::int64_t> pages_seen;
  auto edits = ctx.wiki().edits_by(ctx.actor, user_id, kEditsLookedAt);
  if (!edits) return notices;
  for (const auto& edit : edits.value()) {
    // Newest first: only the pupil's newest edit of each page counts.
    if (!pages_seen.insert(edit.info.page_id).second) continue;
    if (edit.info.review != engine::ReviewState::rejected) continue;
    // The page's name is a link to its editor, where the pupil's text waits for them.
    const auto [before, after] = ctx.msg_around(
        "review-notice-item", "title",
        {{"reviewer", edit.reviewer}, {"message", edit.review_message}});
    const auto ed = ctx.wiki().edition(edit.lang);
    notices.push_back(
        TemplateData()
            .set("before", before)
            .set("title", edit_title(ctx, edit))
            .set("url", ed ? Urls(*ed, ctx.uselang).page(edit.info.title, "action=edit") : "")
            .set("after", after));
    if (notices.size() == kMaxNotices) break;
  }
  return notices;
}

}  // namespace

std::int64_t waiting_count(const HtmlContext& ctx, std::optional<std::int64_t> class_id) {
  auto queue = ctx.wiki().review_queue(ctx.actor, nullptr, class_id, kWaitingCountMax);
  return queue ? static_cast<std::int64_t>(queue->size()) : 0;
}

void set_waiting(TemplateData& data, const HtmlContext& ctx, std::int64_t count) {
  data.set("waiting", count > 0)
      .set("waiting_count", count >= kWaitingCountMax ? std::to_string(count) + "+"
                                                      : std::to_string(count))
      .set("waiting_text", ctx.msg("review-waiting-count", {{"count", count}}));
}

void add_review_chrome(TemplateData& data, const HtmlContext& ctx) {
  if (!ctx.session) return;
  const Caller caller{ctx.session};
  const Urls urls(ctx.ed(), ctx.uselang);
  if (caller.may(engine::Action::see_own_edits)) data.set("my_edits_url", urls.special("my-edits"));
  if (caller.may(engine::Action::review_class)) {
    data.set("review_queue_url", urls.special("review"));
    set_waiting(data, ctx, waiting_count(ctx, std::nullopt));
  }
  if (ctx.session->user().role != engine::Role::pupil) return;
  auto notices = sent_back_notices(ctx, ctx.session->user().id);
  if (notices.empty()) return;
  data.set("has_sent_back", true)
      .set("sent_back_notices", std::move(notices))
      .set("sent_back_url", urls.special("my-edits"));
}

}  // namespace kidwiki::web

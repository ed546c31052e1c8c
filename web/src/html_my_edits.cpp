// "My edits": what a pupil wrote, in every edition, and what became of it: waiting for review,
// published, or sent back with the reviewer's message and a way to edit the page again.
#include <map>

#include "access.h"
#include "html_layout.h"
#include "html_review.h"
#include "html_revision_data.h"
#include "html_urls.h"

namespace kidwiki::web {
namespace {

constexpr int kMyEditsShown = 100;

std::string_view state_name(engine::ReviewState state) {
  switch (state) {
    case engine::ReviewState::approved: return "approved";
    case engine::ReviewState::pending: return "pending";
    case engine::ReviewState::rejected: return "rejected";
  }
  return "pending";
}

// `ctx` with the edit's edition, so that its links and titles are those of its own edition.
TemplateData edit_data(const HtmlContext& ctx, const engine::Edition& ed,
                       const engine::AuthorEdit& edit) {
  HtmlContext in_edition = ctx;
  in_edition.edition = &ed;
  const std::string state(state_name(edit.info.review));
  TemplateData data = revision_data(in_edition, edit.info);
  data.set("lang", ed.lang)
      .set("dir", ed.dir)
      .set("state", state)
      .set("state_label", ctx.msg("review-state-" + state))
      .set("edit_url", Urls(ed, ctx.uselang).page(edit.info.title, "action=edit"));
  if (edit.info.review == engine::ReviewState::rejected) {
    data.set("sent_back", TemplateData()
                              .set("reviewer", ctx.msg("review-my-edits-reviewer",
                                                       {{"reviewer", edit.reviewer}}))
                              .set("message", edit.review_message));
  }
  return data;
}

}  // namespace

void html_my_edits(const httplib::Request& req, httplib::Response& res, WebContext& web,
                   const engine::Edition& edition) {
  auto caller = require(req, res, web, engine::Action::see_own_edits);
  if (!caller) return;
  const HtmlContext ctx = make_html_context(req, web, &edition);
  std::map<std::string, engine::Edition> editions;
  for (const auto& ed : web.wiki.editions()) editions.emplace(ed.lang, ed);
  std::vector<TemplateData> items;
  for (const auto& edit : web.wiki.edits_by({*caller->user_id()}, kMyEditsShown)) {
    const auto ed = editions.find(edit.lang);
    if (ed != editions.end()) items.push_back(edit_data(ctx, ed->second, edit));
  }
  TemplateData data;
  data.set("has_edits", !items.empty()).set("edits", std::move(items));
  Chrome chrome;
  chrome.heading = ctx.msg("review-my-edits-heading");
  chrome.noindex = true;
  send_html(res, ctx, chrome, "my_edits", std::move(data));
}

}  // namespace kidwiki::web

// "My edits": what a pupil wrote, in every edition, and what became of it: waiting for review,
// published, or sent back with the reviewer's message and a way to edit the page again.
#include <map>

#include "http/access.h"
#include "http/call.h"
#include "html/review/html_edit_item.h"
#include "html/page/html_layout.h"
#include "html/review/html_review.h"
#include "html/page/html_revision_data.h"
#include "html/page/html_urls.h"

namespace kidwiki::web {
namespace {

constexpr int kMyEditsShown = 100;

}  // namespace

void html_my_edits(const Call& call) {
  const httplib::Request& req = call.req;
  httplib::Response& res = call.res;
  WebContext& web = call.web;
  const engine::Edition& edition = call.ed();
  auto caller = require(req, res, web, engine::Action::see_own_edits);
  if (!caller) return;
  const HtmlContext ctx = make_html_context(req, web, &edition);
  const auto editions = editions_by_lang(ctx);
  auto edits = web.wiki.edits_by(caller->actor, *caller->user_id(), kMyEditsShown);
  if (!edits) return send_engine_error(res, ctx, edits.error());
  std::vector<TemplateData> items;
  for (const auto& edit : edits.value()) {
    const auto ed = editions.find(edit.lang);
    if (ed == editions.end()) continue;
    TemplateData item = edit_item(ctx, ed->second, edit, "review-my-edits-reviewer");
    item.set("edit_url", Urls(ed->second, ctx.uselang).page(edit.info.title, "action=edit"));
    items.push_back(std::move(item));
  }
  TemplateData data;
  data.set("has_edits", !items.empty()).set("edits", std::move(items));
  Chrome chrome;
  chrome.heading = ctx.msg("review-my-edits-heading");
  chrome.noindex = true;
  send_html(res, ctx, chrome, "my_edits", std::move(data));
}

}  // namespace kidwiki::web

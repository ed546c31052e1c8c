#include "html/review/html_edit_item.h"

#include "html/page/html_revision_data.h"

namespace kidwiki::web {

TemplateData edit_item(const HtmlContext& ctx, const engine::Edition& ed,
                       const engine::AuthorEdit& edit, std::string_view reviewer_message_id) {
  HtmlContext in_edition = ctx;
  in_edition.edition = &ed;
  const std::string state(engine::review_state_name(edit.info.review));
  TemplateData data = revision_data(in_edition, edit.info);
  data.set("lang", ed.lang).set("dir", ed.dir).set("state", state)
      .set("state_label", ctx.msg("review-state-" + state));
  // Set on every item, false included: a missing key would be looked up in the page around it,
  // whose own notices would then show under a published edit.
  data.set("sent_back", false);
  if (edit.info.review == engine::ReviewState::rejected) {
    data.set("sent_back", TemplateData()
                              .set("reviewer", ctx.msg(reviewer_message_id,
                                                       {{"reviewer", edit.reviewer}}))
                              .set("message", edit.review_message));
  }
  return data;
}

std::map<std::string, engine::Edition> editions_by_lang(const HtmlContext& ctx) {
  std::map<std::string, engine::Edition> editions;
  for (const auto& ed : ctx.wiki().editions()) editions.emplace(ed.lang, ed);
  return editions;
}

}  // namespace kidwiki::web

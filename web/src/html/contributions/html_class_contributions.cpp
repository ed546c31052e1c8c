// "Who wrote what" for a class: each pupil's pages, edits and words still in the text readers see,
// and for each page of group work, each pupil's share of its current text.
#include <algorithm>
#include <array>

#include "html/contributions/html_contributions.h"
#include "html/page/html_layout.h"
#include "html/page/html_urls.h"
#include "html/review/html_edit_item.h"
#include "http/access.h"
#include "http/query_params.h"

namespace kidwiki::web {
namespace {

// The columns the pupils' table sorts by: the name in the class's order (the engine's, by name),
// the numbers largest first.
constexpr std::array<std::string_view, 4> kSorts = {"name", "pages", "edits", "words"};

std::int64_t sort_value(const engine::PupilContributions& p, std::string_view sort) {
  if (sort == "pages") return static_cast<std::int64_t>(p.pages.size());
  if (sort == "edits") return p.edits;
  return p.words;
}

// A share of `total` as a whole percentage, in the interface language's way of writing it.
std::string share_text(const HtmlContext& ctx, std::int64_t words, std::int64_t total) {
  const std::int64_t percent = total > 0 ? (words * 100 + total / 2) / total : 0;
  return ctx.msg("contributions-share", {{"percent", percent}});
}

TemplateData pupil_row(const HtmlContext& ctx,
                       const std::map<std::string, engine::Edition>& editions,
                       const engine::PupilContributions& p) {
  const Urls urls(ctx.ed(), ctx.uselang);
  TemplateData row;
  row.set("name", p.name)
      .set("contributions_url", urls.contributions(p.name))
      .set("pages", static_cast<std::int64_t>(p.pages.size()))
      .set("pages_text",
           ctx.msg("contributions-pupil-pages",
                   {{"pages", static_cast<std::int64_t>(p.pages.size())}}))
      .set("has_pages", !p.pages.empty())
      .set("edits", p.edits)
      .set("words", p.words);
  for (const auto& page : p.pages) {
    const auto ed = editions.find(page.lang);
    if (ed == editions.end()) continue;
    row.add("page_list",
            TemplateData()
                .set("title", engine::full_title(page.title, ed->second.names))
                .set("page_url", Urls(ed->second, ctx.uselang).page(page.title))
                .set("lang", ed->second.lang)
                .set("dir", ed->second.dir)
                .set("words_of", ctx.msg("contributions-words-of",
                                         {{"words", page.words}, {"total", page.total_words}})));
  }
  return row;
}

TemplateData page_block(const HtmlContext& ctx, const engine::Edition& ed,
                        const engine::GroupPage& g) {
  const Urls urls(ctx.ed(), ctx.uselang);
  TemplateData block;
  block.set("title", engine::full_title(g.title, ed.names))
      .set("page_url", Urls(ed, ctx.uselang).page(g.title))
      .set("history_url", Urls(ed, ctx.uselang).page(g.title, "action=history"))
      .set("lang", ed.lang)
      .set("dir", ed.dir)
      .set("words_text", ctx.msg("contributions-page-words", {{"count", g.total_words}}))
      .set("complete", g.complete)
      .set("incomplete_text", ctx.msg("contributions-incomplete",
                                      {{"count", std::int64_t{engine::kMaxAttributionVersions}}}))
      .set("has_others", g.other_words > 0)
      .set("other_words", g.other_words)
      .set("other_share", share_text(ctx, g.other_words, g.total_words));
  for (const auto& share : g.pupils) {
    block.add("shares", TemplateData()
                            .set("name", share.name)
                            .set("contributions_url", urls.contributions(share.name))
                            .set("edits", share.edits)
                            .set("words", share.words)
                            .set("share", share_text(ctx, share.words, g.total_words)));
  }
  return block;
}

}  // namespace

void html_class_contributions(const Call& call) {
  const httplib::Request& req = call.req;
  httplib::Response& res = call.res;
  WebContext& web = call.web;
  const Caller caller = caller_of(req, web);
  if (!caller.logged_in()) return send_not_allowed(req, res, web, caller);
  const HtmlContext ctx = make_html_context(req, web, call.edition);
  auto id = path_id(call.param("id"));
  if (!id) return send_engine_error(res, ctx, id.error());
  const std::string sort = req.has_param("sort") ? req.get_param_value("sort") : "name";
  if (std::find(kSorts.begin(), kSorts.end(), sort) == kSorts.end()) {
    return send_html_error(res, ctx, 400, ctx.msg("web-error-heading"),
                           ctx.msg("contributions-error-sort"));
  }
  auto summary = ctx.wiki().class_contributions(ctx.actor, id.value());
  if (!summary) return send_engine_error(res, ctx, summary.error());

  std::vector<engine::PupilContributions> pupils = summary->pupils;
  if (sort != "name") {
    std::stable_sort(pupils.begin(), pupils.end(), [&](const auto& a, const auto& b) {
      return sort_value(a, sort) > sort_value(b, sort);
    });
  }
  const auto editions = editions_by_lang(ctx);
  const Urls urls(ctx.ed(), ctx.uselang);
  const std::string class_path = std::to_string(summary->school_class.id) + "/contributions";
  TemplateData data;
  for (const auto& p : pupils) data.add("pupils", pupil_row(ctx, editions, p));
  for (const auto& g : summary->pages) {
    const auto ed = editions.find(g.lang);
    if (ed != editions.end()) data.add("pages", page_block(ctx, ed->second, g));
  }
  for (std::string_view column : kSorts) {
    const std::string key(column);
    data.set("sort_" + key + "_url", urls.special("class", "sort=" + key, class_path))
        .set("sorted_" + key, sort == column);
  }
  data.set("has_pupils", !pupils.empty())
      .set("has_pages", !summary->pages.empty())
      .set("class_url",
           urls.special("class", "", std::to_string(summary->school_class.id)))
      .set("may_manage", ctx.actor.may(engine::Action::manage_class))
      .set("pages_left_out", summary->pages_left_out)
      .set("pages_left_out_text",
           ctx.msg("contributions-pages-left-out",
                   {{"count", std::int64_t{engine::kMaxContributionPages}}}));
  Chrome chrome;
  heading_with(chrome, ctx, "contributions-class-heading", "name", summary->school_class.name);
  chrome.noindex = true;
  send_html(res, ctx, chrome, "class_contributions", std::move(data));
}

}  // namespace kidwiki::web

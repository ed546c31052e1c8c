// render_markdown: cmark's safe parse, then the wiki's passes over the tree, then cmark's HTML.
// One walk (survey_tree) does the wiki links and reads the plain text; the URL policy and the
// headings then edit only the nodes it found. Order matters: the walk sees Markdown links before
// the URL policy turns them into custom nodes, so their text is skipped by the wiki link pass.
#include "engine/render.h"

#include <optional>

#include "i18n/messages.h"
#include "render/render_cmark_tree.h"
#include "render/render_featured.h"
#include "render/render_headings.h"
#include "render/render_infobox.h"
#include "render/render_pictures.h"
#include "render/render_redirect.h"
#include "render/render_survey.h"
#include "render/render_task_items.h"
#include "render/render_url_policy.h"
#include "render/wiki_links.h"

namespace kidwiki::engine {
namespace {

// The catalogs are loaded only when a table of contents needs a title the caller did not give.
std::string toc_title(const RenderContext& context, std::size_t heading_count) {
  if (heading_count < kTocMinHeadings) return "";
  if (!context.toc_title.empty()) return context.toc_title;
  return i18n::Messages::builtin().format(context.lang, "toc-title");
}

}  // namespace

Result<RenderResult> render_markdown(std::string_view markdown, const RenderContext& context) {
  RenderResult result;
  if (auto redirect = find_redirect(markdown, context)) {
    result.redirect = std::move(redirect->target);
    markdown.remove_prefix(redirect->line_length);
  }
  // Declared before the tree, so that it outlives it: the tree's memory is the arena's.
  std::optional<CmarkArena> arena;
  if (CmarkArena::worthwhile(markdown.size())) arena.emplace(markdown.size());
  CmarkNodePtr document = parse_commonmark(markdown);
  drop_featured_lists(document.get());
  build_infoboxes(document.get(), context, result);
  WikiLinks wiki_links(context, result);
  TreeSurvey survey = survey_tree(document.get(), kMaxNesting, wiki_links, markdown.size());
  if (survey.too_deep) {
    return make_error(ErrorCode::unprocessable, "error-markdown-too-deep",
                      {{"max", std::int64_t{kMaxNesting}}});
  }
  wiki_links.tidy();
  apply_url_policy(embed_pictures(survey.links_and_images, context, result));
  correct_task_boxes(survey.task_items, markdown);
  result.plain_text = std::move(survey.plain_text);
  std::string title = toc_title(context, survey.headings.size());
  result.headings = anchor_headings(std::move(survey.headings), title);
  result.html = render_cmark_html(document.get());
  return result;
}

}  // namespace kidwiki::engine

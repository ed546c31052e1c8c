// A file page: the picture as large as the screen allows, who made it, where it comes from, its
// licence and size, a link to send a new version, and the articles that show it.
#include <algorithm>

#include "html/files/html_files.h"
#include "html/page/html_urls.h"
#include "i18n/escape.h"
#include "web/server.h"

namespace kidwiki::web {
namespace {

constexpr int kShownWidth = 880;  // the largest resized copy

TemplateData picture_data(const HtmlContext& ctx, const engine::PageView& view,
                          const engine::FileInfo& file) {
  const int shown = std::min(kShownWidth, file.width);
  const int height = engine::shown_height(file, shown);
  const bool own_work = file.source.empty();
  TemplateData data;
  data.set("src", media_address(file, shown < file.width ? shown : 0))
      .set("srcset", engine::picture_srcset(file, media_address))
      .set("full_url", media_address(file, 0))
      .set("width", shown)
      .set("height", height)
      .set("alt", view.title.text)
      .set("author", file.author)
      .set("source", own_work ? ctx.msg("file-own-work") : file.source)
      .set("licence", ctx.msg(licence_message_id(file.licence)))
      .set("dimensions", ctx.msg("file-dimensions-value", {{"width", std::int64_t{file.width}},
                                                           {"height", std::int64_t{file.height}}}));
  return data;
}

}  // namespace

std::string licence_message_id(const std::string& licence) {
  std::string id = "licence-" + licence;
  std::replace(id.begin(), id.end(), '.', '-');
  return id;
}

void add_file_section(TemplateData& data, const HtmlContext& ctx, const engine::PageView& view) {
  const Urls urls(ctx.ed(), ctx.uselang);
  const std::string upload_url =
      urls.special("upload", "title=" + i18n::percent_encoded(view.title.text, i18n::UrlPart::component));
  if (view.file) {
    data.set("file", picture_data(ctx, view, *view.file).set("upload_url", upload_url));
  } else {
    data.set("file_missing", TemplateData().set("upload_url", upload_url));
  }
  std::vector<TemplateData> used_on;
  for (const auto& entry : ctx.wiki().backlinks(ctx.ed(), view.title)) {
    if (entry.is_redirect) continue;
    used_on.push_back(TemplateData()
                          .set("url", urls.page(entry.title))
                          .set("title", engine::full_title(entry.title, ctx.ed().names)));
  }
  data.set("has_used_on", !used_on.empty()).set("used_on", std::move(used_on));
}

}  // namespace kidwiki::web

// What an edition's main page shows above its own text: a large search box, the article and the
// picture of the day, and the newest articles (engine::Wiki::main_page_extras).
#include <algorithm>

#include "html/page/html_pages.h"
#include "html/page/html_urls.h"
#include "i18n/time_zone.h"
#include "web/server.h"

namespace kidwiki::web {
namespace {

TemplateData picture_data(const engine::FileInfo& file, int width, const std::string& alt) {
  const int shown = std::min(width, file.width);
  return TemplateData()
      .set("src", media_address(file, shown < file.width ? shown : 0))
      .set("srcset", engine::picture_srcset(file, media_address))
      .set("width", shown)
      .set("height", engine::shown_height(file, shown))
      .set("alt", alt);
}

}  // namespace

bool is_main_page(const engine::Edition& ed, const engine::Title& title) {
  return title.ns == engine::Namespace::article && title.text == ed.main_page;
}

std::uint64_t main_page_generation(engine::Wiki& wiki, const engine::Edition& ed) {
  return wiki.main_page_generation(ed, i18n::local_day_number());
}

void add_main_page_section(TemplateData& data, const HtmlContext& ctx) {
  const engine::Edition& ed = ctx.ed();
  const Urls urls(ed, ctx.uselang);
  const engine::MainPageExtras extras = ctx.wiki().main_page_extras(ed, i18n::local_day_number());
  TemplateData home;
  home.set("search_action", "/" + ed.lang + "/special/search")
      .set("suggest_url", "/api/v1/" + ed.lang + "/suggest")
      .set("wiki_url", "/" + ed.lang + "/wiki/")
      .set("has_uselang", !ctx.uselang.empty())
      .set("uselang", ctx.uselang);
  if (extras.article) {
    const auto& a = *extras.article;
    TemplateData article;
    article.set("url", urls.page(a.title))
        .set("title", engine::full_title(a.title, ed.names))
        .set("excerpt", a.excerpt);
    if (a.picture) {
      article.set("picture", picture_data(*a.picture, 220, engine::full_title(a.picture_page, ed.names)));
    }
    home.set("article", std::move(article));
  }
  if (extras.picture) {
    const auto& p = *extras.picture;
    home.set("picture", picture_data(p.file, 440, p.description)
                            .set("url", urls.page(p.title))
                            .set("description", p.description));
  }
  std::vector<TemplateData> newest;
  for (const engine::Title& t : extras.newest) {
    newest.push_back(TemplateData().set("url", urls.page(t)).set("title", engine::full_title(t, ed.names)));
  }
  home.set("has_newest", !newest.empty()).set("newest", std::move(newest));
  std::vector<TemplateData> portals;
  for (const engine::Portal& p : extras.portals) {
    TemplateData portal;
    portal.set("url", urls.page(p.category))
        .set("name", p.category.text)
        .set("count", ctx.msg("home-portal-articles", {{"count", static_cast<std::int64_t>(p.articles)}}));
    // The picture is a decoration of the link, whose words say where it goes: alt="".
    if (p.picture) portal.set("picture", picture_data(*p.picture, 220, ""));
    portals.push_back(std::move(portal));
  }
  home.set("has_portals", !portals.empty()).set("portals", std::move(portals));
  data.set("home", std::move(home));
}

}  // namespace kidwiki::web

#include "page/exported_page.h"

#include <cstdint>

#include "i18n/escape.h"
#include "i18n/messages.h"
#include "page/page_document.h"
#include "plan/copy_paths.h"

namespace kidwiki::offline {
namespace {

PageDocument frame_document(const engine::Edition& ed, const ExportPlan& plan,
                            const std::string& path, const CopyFrame& frame) {
  PageDocument doc;
  doc.lang = ed.lang;
  doc.dir = ed.dir;
  doc.site_name = frame.site_name;
  doc.root = root_of(path);
  doc.style_href = relative_href(path, frame.style_path);
  if (plan.main_path) doc.main_href = relative_href(path, *plan.main_path);
  if (!frame.index_path.empty()) doc.index_href = relative_href(path, frame.index_path);
  doc.title_search = frame.title_search;
  doc.date = frame.date;
  return doc;
}

}  // namespace

engine::Result<ExportedPage> export_page(engine::Wiki& wiki, const engine::Edition& ed,
                                         const ExportPlan& plan, const PlannedPage& page,
                                         const CopyFrame& frame) {
  ExportedPage out;
  engine::ViewAddresses addresses;
  // Only pages of the copy are links: a red link, a talk page or a category is plain text.
  addresses.page = [&](const engine::Edition&, const engine::Title& title, bool exists) {
    const std::string target = exists ? plan.path_of(title) : "";
    return target.empty() ? target : relative_href(page.path, target);
  };
  addresses.media = [&](const engine::FileInfo& file, int width) {
    std::string path = picture_path(frame.picture_prefix, file, width);
    out.pictures.push_back({file, width, path});
    return relative_href(page.path, path);
  };
  auto view = wiki.read_for_export(engine::Actor::reader(), ed, page.title, addresses);
  if (!view) return view.error();
  PageDocument doc = frame_document(ed, plan, page.path, frame);
  doc.title = engine::full_title(page.title, ed.names);
  doc.body_html = std::move(view->html);
  doc.categories = view->categories;
  out.plain_title = doc.title;
  out.document = page_document(doc);
  return out;
}

std::string index_document(const engine::Edition& ed, const ExportPlan& plan,
                           const std::string& path, const CopyFrame& frame) {
  PageDocument doc = frame_document(ed, plan, path, frame);
  doc.title = i18n::Messages::builtin().format(ed.lang, "offline-index-heading",
                                                {{"count", static_cast<std::int64_t>(plan.pages.size())}});
  std::string list = "<ul class=\"offline-index-list\">\n";
  for (const auto& page : plan.pages) {
    list += "<li><a href=\"" + i18n::href_escaped(relative_href(path, page.path)) + "\">" +
            i18n::html_escaped(engine::full_title(page.title, ed.names)) + "</a></li>\n";
  }
  doc.body_html = list + "</ul>";
  return page_document(doc);
}

}  // namespace kidwiki::offline

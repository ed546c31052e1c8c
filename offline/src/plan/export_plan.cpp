#include "plan/export_plan.h"

#include <set>

#include "i18n/text.h"
#include "plan/copy_paths.h"

namespace kidwiki::offline {
namespace {

// How a copy tells two paths apart: a ZIM file exactly; a folder without case, since a USB stick's
// FAT (and Windows, and macOS) take "Lion.html" and "LION.html" for one file.
std::string path_key(const std::string& path, PathStyle style) {
  return style == PathStyle::zim ? path : i18n::fold_case(path);
}

// Two titles that differ only in a character a file name cannot hold ("A/B", "A:B"), or in a
// folder only in case, would share a name: the later one is numbered ("A_B_2.html").
std::string unique_path(std::string path, std::set<std::string>& taken, PathStyle style) {
  if (taken.insert(path_key(path, style)).second) return path;
  const std::string ending = style == PathStyle::folder ? ".html" : "";
  const std::string stem = path.substr(0, path.size() - ending.size());
  for (int n = 2;; ++n) {
    std::string numbered = stem + "_" + std::to_string(n) + ending;
    if (taken.insert(path_key(numbered, style)).second) return numbered;
  }
}

std::string path_for(const engine::Title& title, PathStyle style) {
  return style == PathStyle::zim ? zim_page_path(title) : "wiki/" + folder_page_name(title);
}

// Nothing is linked while planning: the plan only needs each page's redirect target.
engine::ViewAddresses no_addresses() {
  return {[](const engine::Edition&, const engine::Title&, bool) { return std::string(); },
          [](const engine::FileInfo&, int) { return std::string(); }};
}

std::vector<engine::PageListEntry> chosen_pages(engine::Wiki& wiki, const engine::Edition& ed,
                                                const Selection& selection) {
  if (selection.whole_edition) return wiki.all_pages(ed, engine::Namespace::article);
  std::vector<engine::PageListEntry> entries;
  for (const auto& title : selection.pages) entries.push_back({title, false});
  return entries;
}

}  // namespace

std::string ExportPlan::path_of(const engine::Title& title) const {
  if (title.ns != engine::Namespace::article) return "";
  auto found = path_by_title.find(title.text);
  return found == path_by_title.end() ? "" : found->second;
}

ExportPlan plan_export(engine::Wiki& wiki, const engine::Edition& ed,
                       const Selection& selection, PathStyle style) {
  const engine::Actor actor = engine::Actor::reader();
  ExportPlan plan;
  std::set<std::string> taken;
  std::vector<std::pair<engine::Title, engine::Title>> redirects;  // title, target
  std::set<std::string> seen;
  auto add_page = [&](const engine::Title& title) {
    if (!seen.insert(title.text).second) return;
    std::string path = unique_path(path_for(title, style), taken, style);
    plan.path_by_title[title.text] = path;
    plan.pages.push_back({title, std::move(path)});
  };
  for (const auto& entry : chosen_pages(wiki, ed, selection)) {
    if (entry.title.ns != engine::Namespace::article) continue;
    auto view = wiki.read_for_export(actor, ed, entry.title, no_addresses());
    if (!view) continue;
    if (!view->redirect_target) {
      add_page(entry.title);
    } else if (selection.whole_edition) {
      redirects.emplace_back(entry.title, *view->redirect_target);
    } else {
      // A pack asked for a redirect's title: the article it leads to is what the teacher meant.
      auto target = wiki.read_for_export(actor, ed, *view->redirect_target, no_addresses());
      if (target && !target->redirect_target && view->redirect_target->ns == entry.title.ns) {
        add_page(*view->redirect_target);
      }
    }
  }
  for (const auto& [title, target] : redirects) {
    std::string target_path = plan.path_of(target);
    if (target_path.empty() || seen.count(title.text)) continue;
    std::string path = unique_path(path_for(title, style), taken, style);
    plan.redirects.push_back({title, std::move(path), std::move(target_path)});
  }
  auto main = wiki.parse_title(ed, ed.main_page);
  if (main && !plan.path_of(main.value()).empty()) plan.main_path = plan.path_of(main.value());
  return plan;
}

}  // namespace kidwiki::offline

namespace kidwiki::offline {

Selection whole_edition(const engine::Edition& ed) {
  Selection selection;
  selection.name = ed.name;
  return selection;
}

}  // namespace kidwiki::offline

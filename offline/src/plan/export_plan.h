// Which pages an export writes and where each goes: the path of every page and redirect inside
// the copy, decided once before anything is written, so that every link can be made relative.
#pragma once

#include <optional>
#include <string>
#include <unordered_map>
#include <vector>

#include "engine/wiki.h"
#include "offline/export.h"

namespace kidwiki::offline {

// How a copy names its pages: a ZIM file by title ("Lion_d'Afrique"), a folder by file name
// ("wiki/Lion_d'Afrique.html", with the characters FAT and Windows refuse replaced).
enum class PathStyle { zim, folder };

struct PlannedPage {
  engine::Title title;
  std::string path;  // inside the copy, not encoded
};

struct PlannedRedirect {
  engine::Title title;
  std::string path;
  std::string target_path;  // a page of the plan
};

struct ExportPlan {
  std::vector<PlannedPage> pages;  // in the edition's collated order
  std::vector<PlannedRedirect> redirects;
  std::optional<std::string> main_path;  // the edition's main page when the copy holds it

  // The path of an article of the copy (followed through a redirect of the copy); empty when the
  // copy does not hold it.
  std::string path_of(const engine::Title& title) const;

  std::unordered_map<std::string, std::string> path_by_title;  // article title text -> path
};

// The plan of `selection`: only articles readers see (a redirect is written only when its target
// is). Reads through Wiki::read_for_export as Actor::reader().
ExportPlan plan_export(engine::Wiki& wiki, const engine::Edition& ed,
                       const Selection& selection, PathStyle style);

}  // namespace kidwiki::offline

// One page of a copy as readers see it, with its links made relative to where the page lies in the
// copy and the pictures it shows listed, so that the writer can add their files.
#pragma once

#include <string>
#include <vector>

#include "engine/wiki.h"
#include "plan/export_plan.h"

namespace kidwiki::offline {

struct PictureUse {
  engine::FileInfo file;
  int width = 0;     // 0: the image itself, else one of engine::kPictureWidths
  std::string path;  // inside the copy
};

struct ExportedPage {
  std::string document;  // the whole HTML page
  std::string plain_title;
  std::vector<PictureUse> pictures;
};

// What a copy says around every page.
struct CopyFrame {
  std::string site_name;
  std::string date;             // ISO 8601 day of the copy
  std::string index_path;       // the list of pages; "" when the copy has none
  std::string picture_prefix;   // where pictures go: "_media/" or "media/"
  std::string style_path;       // the stylesheet: "_kidwiki.css" or "kidwiki.css"
  bool title_search = false;
};

// The page `page` of `plan` as Actor::reader() reads it; not_found when readers no longer see it.
engine::Result<ExportedPage> export_page(engine::Wiki& wiki, const engine::Edition& ed,
                                         const ExportPlan& plan, const PlannedPage& page,
                                         const CopyFrame& frame);

// The copy's list of every page, at `path`, as a page of the copy.
std::string index_document(const engine::Edition& ed, const ExportPlan& plan,
                           const std::string& path, const CopyFrame& frame);

}  // namespace kidwiki::offline

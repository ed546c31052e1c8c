// The demo wiki created on an empty data directory: the fr and en editions and their articles
// (engine/demo/<lang>/<Title>.md, compiled into the binary).
#pragma once

#include <string>
#include <utility>
#include <vector>

#include "store/database.h"

namespace kidwiki::engine {

// Inserts the rows of the fr and en editions (inside its own transaction).
void seed_demo_editions(db::Connection& writer);

// (title, markdown) of every demo page of `lang`, in a stable order.
std::vector<std::pair<std::string, std::string>> demo_pages(const std::string& lang);

// A demo picture (engine/demo/pictures/pictures.tsv): the project's own drawing, under CC0.
struct DemoPicture {
  std::string title;        // the file page's name, without its namespace ("Lion.png")
  std::string description;  // the file page's text
  std::string_view png;     // the drawing, compiled into the binary
};

// The demo pictures of `lang`, in the manifest's order.
std::vector<DemoPicture> demo_pictures(const std::string& lang);

// The edit summary of the demo revisions.
std::string demo_summary(const std::string& lang);

}  // namespace kidwiki::engine

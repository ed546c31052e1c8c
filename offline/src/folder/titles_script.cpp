#include "folder/titles_script.h"

#include <nlohmann/json.hpp>

namespace kidwiki::offline {

std::string titles_script(const engine::Edition& ed, const ExportPlan& plan) {
  auto titles = nlohmann::json::array();
  for (const auto& page : plan.pages) {
    titles.push_back({engine::full_title(page.title, ed.names), page.path});
  }
  for (const auto& redirect : plan.redirects) {
    titles.push_back({engine::full_title(redirect.title, ed.names), redirect.target_path});
  }
  // ensure_ascii: U+2028 and U+2029, line ends before ES2019, are written as escapes too.
  return "window.kidwikiTitles = " + titles.dump(-1, ' ', /*ensure_ascii=*/true) + ";\n";
}

}  // namespace kidwiki::offline

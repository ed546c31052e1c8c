#include "wiki/demo_content.h"

#include <map>
#include <stdexcept>
#include <string_view>

#include "i18n/messages.h"
#include "store/edition_store.h"
#include "wiki/edition_defaults.h"

namespace kidwiki::engine {
namespace demo_fr {
const std::map<std::string_view, std::string_view>& embedded_files();
}
namespace demo_en {
const std::map<std::string_view, std::string_view>& embedded_files();
}
namespace demo_pictures_files {
const std::map<std::string_view, std::string_view>& embedded_files();
}

namespace {

// Editions are data: the demo's are French and English with their languages' defaults, and a
// school adds others the same way (Wiki::create_edition).
constexpr const char* kDemoLanguages[] = {"fr", "en"};

}  // namespace

void seed_demo_editions(db::Connection& writer) {
  db::Transaction tx(writer);
  for (const char* lang : kDemoLanguages) {
    insert_edition(writer, edition_with_defaults(NewEdition{.lang = lang}, *i18n::locale_facts(lang)));
  }
  tx.commit();
}

std::vector<std::pair<std::string, std::string>> demo_pages(const std::string& lang) {
  const auto& files = lang == "fr" ? demo_fr::embedded_files() : demo_en::embedded_files();
  std::vector<std::pair<std::string, std::string>> pages;
  if (lang != "fr" && lang != "en") return pages;
  for (const auto& [name, text] : files) {
    std::string_view title = name;
    if (!title.ends_with(".md")) continue;
    title.remove_suffix(3);
    pages.emplace_back(std::string(title), std::string(text));
  }
  return pages;
}

std::vector<DemoPicture> demo_pictures(const std::string& lang) {
  const auto& files = demo_pictures_files::embedded_files();
  std::string_view manifest = files.at("pictures.tsv");
  std::vector<DemoPicture> pictures;
  bool header = true;
  while (!manifest.empty()) {
    const std::size_t end = manifest.find('\n');
    const std::string_view line = manifest.substr(0, end);
    manifest = end == std::string_view::npos ? std::string_view() : manifest.substr(end + 1);
    if (header || line.empty()) {
      header = false;
      continue;
    }
    std::vector<std::string_view> cells;  // file, lang, title, description, caption
    for (std::size_t from = 0;;) {
      const std::size_t tab = line.find('\t', from);
      cells.push_back(line.substr(from, tab == std::string_view::npos ? line.npos : tab - from));
      if (tab == std::string_view::npos) break;
      from = tab + 1;
    }
    if (cells.size() < 4) throw std::logic_error("demo pictures: a line without four cells");
    if (cells[1] != lang) continue;
    pictures.push_back({std::string(cells[2]), std::string(cells[3]), files.at(cells[0])});
  }
  return pictures;
}

std::string demo_summary(const std::string& lang) {
  return i18n::Messages::builtin().format(lang, "summary-demo-content");
}

}  // namespace kidwiki::engine

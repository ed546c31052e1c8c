#include "wiki/demo_content.h"

#include <map>
#include <string_view>

#include "i18n/messages.h"
#include "store/edition_store.h"

namespace kidwiki::engine {
namespace demo_fr {
const std::map<std::string_view, std::string_view>& embedded_files();
}
namespace demo_en {
const std::map<std::string_view, std::string_view>& embedded_files();
}

namespace {

struct EditionRow {
  const char* lang;
  const char* name;
  const char* main_page;
  const char* talk_name;
  const char* category_name;
  const char* file_name;
};

// Editions are data: these rows are the demo's, and a school adds others the same way.
constexpr EditionRow kDemoEditions[] = {
    {"fr", "Kidwiki en français", "Accueil", "Discussion", "Catégorie", "Fichier"},
    {"en", "Kidwiki in English", "Main Page", "Talk", "Category", "File"},
};

}  // namespace

void seed_demo_editions(db::Connection& writer) {
  db::Transaction tx(writer);
  for (const auto& e : kDemoEditions) {
    insert_edition(writer, Edition{0, e.lang, e.name, "ltr", e.main_page,
                                   NamespaceNames{e.talk_name, e.category_name, e.file_name}});
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

std::string demo_summary(const std::string& lang) {
  return i18n::Messages::builtin().format(lang, "summary-demo-content");
}

}  // namespace kidwiki::engine

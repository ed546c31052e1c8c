#include "catalog_loader.h"

#include <nlohmann/json.hpp>
#include <set>
#include <stdexcept>

namespace kidwiki::i18n {
namespace {

using Json = nlohmann::json;

[[noreturn]] void fail(std::string_view file, const std::string& why) {
  throw std::logic_error("message catalog " + std::string(file) + ": " + why);
}

// "en/core.json" -> "en"; anything else (no folder, nested folders, another extension) fails.
std::string language_of(std::string_view file) {
  auto slash = file.find('/');
  bool shaped = slash != 0 && slash != std::string_view::npos &&
                file.find('/', slash + 1) == std::string_view::npos && file.ends_with(".json") &&
                file.size() > slash + 1 + 5;
  if (!shaped) fail(file, "expected a path of the form <lang>/<area>.json");
  return std::string(file.substr(0, slash));
}

// nlohmann::json keeps the last of two equal keys silently; the parser callback sees each key,
// so a duplicate inside one file is caught before it is lost.
Json parse_flat_object(std::string_view file, std::string_view text) {
  std::set<std::string> seen;
  auto on_event = [&](int depth, Json::parse_event_t event, Json& parsed) {
    if (event == Json::parse_event_t::key && depth == 1 &&
        !seen.insert(parsed.get<std::string>()).second) {
      fail(file, "id \"" + parsed.get<std::string>() + "\" is defined twice");
    }
    return true;
  };
  Json json = Json::parse(text, on_event, /*allow_exceptions=*/false);
  if (json.is_discarded()) fail(file, "not valid JSON");
  if (!json.is_object()) fail(file, "expected a JSON object of id -> pattern");
  return json;
}

void merge_into(Catalog& catalog, std::string_view file, const Json& json) {
  for (const auto& [id, value] : json.items()) {
    if (!value.is_string()) fail(file, "the value of \"" + id + "\" is not a string");
    if (!catalog.emplace(id, value.get<std::string>()).second) {
      fail(file, "id \"" + id + "\" is already defined in another file of this language");
    }
  }
}

}  // namespace

CatalogSet merge_catalog_files(const std::map<std::string_view, std::string_view>& files) {
  CatalogSet catalogs;
  for (const auto& [file, text] : files) {
    merge_into(catalogs[language_of(file)], file, parse_flat_object(file, text));
  }
  return catalogs;
}

}  // namespace kidwiki::i18n

// Turns the embedded catalog files into one id -> pattern map per language.
#pragma once

#include <functional>
#include <map>
#include <string>
#include <string_view>

namespace kidwiki::i18n {

using Catalog = std::map<std::string, std::string, std::less<>>;
using CatalogSet = std::map<std::string, Catalog, std::less<>>;  // by folder: "en", "fr", "qqq"

// Merges files keyed "<lang>/<area>.json", each a flat JSON object id -> string, into one
// catalog per language. A malformed file, a key of another shape, or an id defined twice in one
// language (in one file or across areas) is a bug in the catalogs: throws std::logic_error
// naming the file and the id, so the program stops at start-up instead of showing a wrong text.
CatalogSet merge_catalog_files(const std::map<std::string_view, std::string_view>& files);

}  // namespace kidwiki::i18n

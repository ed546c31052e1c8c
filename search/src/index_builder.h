// Rebuilding an edition's index: a fresh index is built beside the live one, which goes on
// answering queries until the new one replaces it (EditionIndex::replace_with_built).
//
// Why a path of its own rather than put() page after page: through the live writer a rebuild
// managed about 500 articles a second (docs/performance.md). A fresh index needs no look-up of an
// old document (add_document, not replace_document), its spelling data is summed in memory and
// written once at the end instead of once per word of every document, and its documents are
// made on every core while one thread writes them.
#pragma once

#include <cstdint>
#include <filesystem>
#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "engine/wiki.h"
#include "search/options.h"
#include "search/search.h"

namespace kidwiki::search {

// The page to index under `page_id`, or nothing when it is not to be indexed (gone, or of
// another edition). Called from several threads at once.
using PageSource = std::function<std::optional<engine::IndexablePage>(std::int64_t page_id)>;

// Writes into `dir` (emptied first) the index of the pages `ids` that `source` gives, in `lang`,
// calling `progress` on the calling thread. Memory stays bounded: a few documents wait between
// the threads, and the writer commits every 1,000. Throws what Xapian or `source` throws.
void build_index(const std::filesystem::path& dir, const std::string& lang,
                 const SearchOptions& options, const std::vector<std::int64_t>& ids,
                 const PageSource& source, const ReindexProgress& progress);

}  // namespace kidwiki::search

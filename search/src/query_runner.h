// Runs a checked query on one edition's reader: exact title first, then ranked matches, with
// snippets, and a spelling correction when the query finds little.
#pragma once

#include <xapian.h>

#include "language_analysis.h"
#include "real_words.h"
#include "search/options.h"
#include "search/search.h"

namespace kidwiki::search {

// `request` has passed check_query() and has its limit and offset clamped. Xapian errors
// propagate (the caller converts them).
// `real_words`: the edition's dictionary, null when its language has none.
SearchResults run_search(const Xapian::Database& db, const LanguageAnalysis& analysis,
                         const RealWords* real_words, const SearchOptions& options,
                         const SearchRequest& request);

}  // namespace kidwiki::search

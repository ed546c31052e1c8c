// A child's query as a Xapian query: checked, folded, parsed with the edition's stemmer, and
// boosted so that title words and exactly written words score higher.
#pragma once

#include <set>
#include <string>
#include <string_view>
#include <vector>

#include <xapian.h>

#include "engine/result.h"
#include "language_analysis.h"
#include "search/options.h"

namespace kidwiki::search {

// The words to highlight in snippets: folded words and their stems.
struct HighlightTerms {
  std::set<std::string> words;
  std::set<std::string> stems;
};

struct BuiltQuery {
  Xapian::Query query;          // what ranks the results
  std::string exact_title;      // the exact-title term of the whole query
  HighlightTerms highlight;     // the query's wanted words, without its exclusions and stop words
  std::vector<std::string> positive_words;  // folded, in order, stop words left out
};

// Refuses (invalid_input, message id and args for the reader): empty, not UTF-8, over
// options.max_query_bytes bytes or options.max_query_terms words. Cheap: runs before parsing.
engine::Status check_query(std::string_view raw, const SearchOptions& options);

// Parses a checked query: `op` (AND, or OR for a query relaxed after finding nothing) between words, "phrases" and -exclusions; no wildcards, no boolean
// operators. A query the parser refuses is parsed again as plain words. Never throws for user
// input; a Xapian error that is not the parser's own propagates.
BuiltQuery build_query(std::string_view raw, const LanguageAnalysis& analysis,
                       Xapian::Query::op op = Xapian::Query::OP_AND);

}  // namespace kidwiki::search

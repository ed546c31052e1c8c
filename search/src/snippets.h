// Snippets: a few words of a page's plain text around the query's matches, HTML-escaped, with
// the matches in <mark>.
//
// Why not Xapian's MSet::snippet(): it tokenises and stems the text as written, while the index
// holds folded words, so in French "éléphant" never matched the query term "elephant" and most
// snippets came back without a highlight. This matches words the way the index does.
#pragma once

#include <set>
#include <string>
#include <string_view>

#include <xapian.h>

#include "query_builder.h"

namespace kidwiki::search {

// The window of about `words` words holding the most distinct query words (the first such
// window; the text's start when nothing matches), with "…" where text was cut. Everything is
// escaped, so text saying "<script>" comes back as "&lt;script&gt;".
// `enough`, when not empty: terms (of `terms`) whose first window holding them all is shown
// without reading further, the query's words as the page holds them (query_runner.cpp): a page
// lacking one of the words is otherwise read to its end for a window that cannot be found.
std::string make_snippet(std::string_view text, const HighlightTerms& terms,
                         const Xapian::Stem& stemmer, int words,
                         const std::set<std::string>& enough = {});


}  // namespace kidwiki::search

// An indexable page as a Xapian document: the one place that writes the fields of fields.h.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

#include <xapian.h>

#include "engine/wiki.h"
#include "language_analysis.h"

namespace kidwiki::search {

// The document of a page: text and titles (its own and its redirects') folded and stemmed, exact
// forms, exact-title terms, categories, id term, title and revision values; the data holds the
// full title, a newline, then the plain text (snippets are cut from it).
Xapian::Document build_document(const engine::IndexablePage& page,
                                const LanguageAnalysis& analysis, int title_weight);

// The unique term of a page: replace_document() and delete_document() take it.
std::string id_term(std::int64_t page_id);
// The term a title (or a whole query) matches as an exact title, folded.
std::string exact_title_term(std::string_view title);
// The boolean term of a category name (without its namespace), folded.
std::string category_term(std::string_view category);

// The plain text kept in a document's data (after the full title and a newline).
std::string_view data_text(std::string_view data);

}  // namespace kidwiki::search

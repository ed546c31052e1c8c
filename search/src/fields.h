// The index's fields: every term prefix and value slot, defined once for the indexer and the query
// side (docs/search.md describes the format). Prefixes follow Xapian's conventions: a capital
// letter, "X" for our own, and stemmed terms written "Z" + prefix + stem by Xapian itself.
#pragma once

#include <string_view>

#include <xapian.h>

namespace kidwiki::search::fields {

// Words of the title and the text, case- and accent-folded, stemmed ("Z...") and unstemmed.
inline constexpr std::string_view kText = "";
// The same words of the title (and of the titles of redirects) alone.
inline constexpr std::string_view kTitle = "S";
// Words as written, lower-cased but with their accents: an exact match scores higher.
inline constexpr std::string_view kExact = "XE";
// The whole folded title (or redirect title): one term, for "exact title first".
inline constexpr std::string_view kExactTitle = "XT";
// A category the page is in, folded: a boolean filter.
inline constexpr std::string_view kCategory = "K";
// The page id, unique per document: replace_document() on it makes indexing idempotent.
inline constexpr std::string_view kPageId = "Q";

// Present on every page that is not an article (a picture, a category...): a boolean term, so
// that articles and the rest are ranked apart, each by relevance (query_runner.cpp).
inline constexpr std::string_view kOtherNamespace = "XO";

// Synonym keys (not document terms): words sharing a spelling-by-sound key, and the written
// forms of a folded word. The spelling corrector reads them.
inline constexpr std::string_view kSoundKey = "XP";
inline constexpr std::string_view kWrittenForm = "XW";

// Value slots.
inline constexpr Xapian::valueno kFullTitleSlot = 0;   // the full title, as displayed
inline constexpr Xapian::valueno kRevisionSlot = 1;    // the indexed revision, sortable_serialise

// The index's format, in its metadata: bumped whenever these fields or the way text is folded
// change, so that an older index is rebuilt.
inline constexpr const char* kFormatKey = "kidwiki-format";
inline constexpr const char* kFormat = "3";

// How much of a page's plain text its document data keeps, for snippets: the longest articles
// (lists of species) have 25,000 words, a snippet from their first 64 KB reads as well, and each
// result's data is read and inflated whole (docs/performance.md, "Search at 100,000 articles").
inline constexpr std::size_t kStoredTextBytes = 64 * 1024;

// Xapian refuses terms over 245 bytes.
inline constexpr std::size_t kMaxTermBytes = 240;

}  // namespace kidwiki::search::fields

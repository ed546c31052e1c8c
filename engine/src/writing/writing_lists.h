// The writing help's per-language lists (i18n/writing-help/LANG.txt, compiled in): the headings
// that name an article's sources, and the common words. Parsed once per language.
#pragma once

#include <string>
#include <string_view>
#include <unordered_set>

namespace kidwiki::engine {

struct WritingLists {
  std::unordered_set<std::string> sources_headings;  // folded for search (i18n/text.h)
  std::unordered_set<std::string> common_words;      // folded case, accents kept
};

// The lists of `lang` ("fr-CA" falls back to "fr"); empty lists for a language without a file.
const WritingLists& writing_lists(std::string_view lang);

// Parses a list file: "[sources]" and "[common]" sections, one entry per line, '#' comments.
WritingLists parse_writing_lists(std::string_view text);

}  // namespace kidwiki::engine

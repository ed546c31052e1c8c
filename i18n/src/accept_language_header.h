// Reading an Accept-Language header (RFC 9110 section 12.5.4) into the languages a reader wants,
// most wanted first. Private to i18n: language.cpp matches the result with ICU's LocaleMatcher.
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace kidwiki::i18n {

struct WantedLanguages {
  // BCP 47 tags, most wanted first: by q-value, then a named language before "*", then the
  // header's order. "*" is replaced by the `available` languages no range names.
  std::vector<std::string> tags;
  // Entries of `available` the header refuses outright with q=0.
  std::vector<std::string> refused;
};

// Malformed ranges are skipped, and only the first 4 KB are read, so that a hostile header costs
// no more than a normal one. Linear in the header's length.
WantedLanguages wanted_languages(std::string_view header, const std::vector<std::string>& available);

}  // namespace kidwiki::i18n

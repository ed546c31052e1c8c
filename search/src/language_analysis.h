// What an edition's language brings to indexing and parsing: its Xapian stemmer and stop words.
// Not thread-safe, not even to share read-only (Xapian::Stem has state and plain reference
// counts): one per thread, which analysis_for() makes in microseconds.
#pragma once

#include <memory>
#include <string_view>

#include <xapian.h>

namespace kidwiki::search {

struct LanguageAnalysis {
  Xapian::Stem stemmer;                    // "none" when Xapian has no stemmer for the language
  std::unique_ptr<Xapian::Stopper> stopper;  // null when we have no stop word list for it
};

// For a BCP 47 tag ("fr", "en-GB"): Xapian knows stemmers by ISO 639 code.
LanguageAnalysis analysis_for(std::string_view lang);

// True when the folded word is a stop word of the analysis.
bool is_stop_word(const LanguageAnalysis& analysis, const std::string& folded_word);

}  // namespace kidwiki::search

// Corrections for children's misspellings, from the index's spelling data.
//
// Xapian's get_spelling_suggestion() picks the nearest word by edit distance, and "elefant" is
// nearer "élégant" than "éléphant". Here candidates come from both edit distance (Xapian) and
// sound (sound_key.h), and the one used most often in the edition wins, sound-alikes counting
// extra: "éléphant", a title word of a long article, beats "élégant".
#pragma once

#include <optional>
#include <string>
#include <string_view>

#include <xapian.h>

#include "language_analysis.h"
#include "real_words.h"

namespace kidwiki::search {

// The query with each word no page uses replaced by its best correction, written with its
// accents when a title writes it so ("elefant" -> "éléphant"); quotes and minus signs are kept.
// Words `real_words` knows are kept as typed (null: no dictionary, every word may change).
// Empty when no word needed or found a correction. `raw` must be valid UTF-8.
std::optional<std::string> correct_query(const Xapian::Database& db, std::string_view raw,
                                         const LanguageAnalysis& analysis,
                                         const RealWords* real_words);

}  // namespace kidwiki::search

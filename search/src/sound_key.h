// A word's spelling-by-sound key, so that a child's phonetic spelling finds the word it means:
// "elefant" and "elephant" share "elefan", "kat" and "chat" do not. Written for French and
// English, harmless elsewhere: it only proposes candidates, which frequency then ranks.
#pragma once

#include <string>
#include <string_view>

namespace kidwiki::search {

// The key of a folded word; empty when the word is shorter than 3 letters or not plain a-z
// (words with digits or other scripts get no key and are corrected by edit distance alone).
std::string sound_key(std::string_view folded_word);

}  // namespace kidwiki::search

// Generated pupil names for a class whose teacher does not want first names on the wiki: an
// animal, a kind adjective and a number ("Loutre Rapide 12", "Brave Otter 12", "Nutria Veloz 12"),
// from short word lists chosen for children (i18n/pseudonyms/<lang>.txt). Each animal carries
// its grammatical gender and each adjective a form per gender, so that the pair agrees.
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace kidwiki::engine {

// A random pseudonym in `lang` (the class's; English for a language without a list), from
// libsodium's generator. Uniqueness is the caller's concern: about 60,000 combinations per
// language. Thread-safe.
std::string random_pseudonym(std::string_view lang);

// Every animal-and-adjective pair of `lang`, without the number (for tests).
std::vector<std::string> pseudonym_pairs(std::string_view lang);

}  // namespace kidwiki::engine

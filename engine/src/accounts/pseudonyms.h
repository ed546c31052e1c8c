// Generated pupil names for a class whose teacher does not want first names on the wiki: an
// animal, a kind adjective and a number ("Loutre Rapide 12", "Brave Otter 12"), from short word
// lists chosen for children. French adjectives are ones that read the same for every gender, so
// any animal goes with any adjective.
#pragma once

#include <string>
#include <string_view>

namespace kidwiki::engine {

// A random pseudonym in `lang` ("fr"; any other language gets English), from libsodium's
// generator. Uniqueness is the caller's concern: about 60,000 combinations per language.
// Thread-safe.
std::string random_pseudonym(std::string_view lang);

}  // namespace kidwiki::engine

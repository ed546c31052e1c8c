#include "accounts/pseudonyms.h"

#include <sodium.h>

#include <array>
#include <stdexcept>

namespace kidwiki::engine {
namespace {

template <std::size_t N>
std::string_view pick(const std::array<std::string_view, N>& words) {
  return words[randombytes_uniform(N)];
}

// Numbers from 2 to 99: two digits at most, so no number reads as a year of birth.
std::string random_number() { return std::to_string(2 + randombytes_uniform(98)); }

// No accents: a child types the name from a card, and a keyboard without é must do. Login does
// not ignore accents (Léa and Lea are two people), so the generated names simply have none.
constexpr std::array<std::string_view, 30> kAnimalsFr = {
    "Loutre",  "Panda",   "Koala",    "Tortue",  "Girafe",   "Bison",    "Castor",   "Hibou",
    "Renard",  "Lapin",   "Dauphin",  "Baleine", "Pingouin", "Manchot",  "Blaireau", "Lama",
    "Abeille", "Colibri", "Mouette",  "Phoque",  "Chamois",  "Marmotte", "Lynx",     "Faucon",
    "Cigogne", "Gazelle", "Kangourou", "Suricate", "Coccinelle", "Papillon"};
// Adjectives spelled alike in the masculine and the feminine.
constexpr std::array<std::string_view, 20> kAdjectivesFr = {
    "Rapide", "Calme",   "Agile",  "Sage",     "Rouge",   "Jaune",    "Orange",
    "Rose",   "Magique", "Habile", "Aimable",  "Comique",
    "Timide", "Pacifique", "Tranquille", "Docile", "Souple", "Brave", "Solide", "Polaire"};

constexpr std::array<std::string_view, 30> kAnimalsEn = {
    "Otter",   "Panda",  "Koala",   "Turtle",  "Giraffe", "Zebra",   "Beaver",  "Owl",
    "Fox",     "Rabbit", "Dolphin", "Whale",   "Penguin", "Squirrel", "Hedgehog", "Llama",
    "Bee",     "Robin",  "Seagull", "Seal",    "Badger",  "Marmot",  "Lynx",    "Falcon",
    "Stork",   "Gazelle", "Kangaroo", "Meerkat", "Ladybird", "Butterfly"};
constexpr std::array<std::string_view, 20> kAdjectivesEn = {
    "Brave",  "Calm",  "Clever", "Gentle", "Happy", "Kind",   "Lucky",  "Quick", "Quiet", "Wise",
    "Bright", "Sunny", "Jolly",  "Merry",  "Swift", "Cheery", "Friendly", "Golden", "Silver", "Curious"};

}  // namespace

std::string random_pseudonym(std::string_view lang) {
  if (sodium_init() < 0) throw std::logic_error("libsodium could not initialise");
  std::string out;
  if (lang == "fr") {
    out.append(pick(kAnimalsFr)).append(" ").append(pick(kAdjectivesFr));
  } else {
    out.append(pick(kAdjectivesEn)).append(" ").append(pick(kAnimalsEn));
  }
  return out.append(" ").append(random_number());
}

}  // namespace kidwiki::engine

#include <sodium.h>

#include <array>
#include <stdexcept>
#include <string>
#include <string_view>

#include "engine/accounts.h"

namespace kidwiki::engine {
namespace {

// Short words without accents, so that any keyboard types them; 256 of them, 8 bits each.
constexpr std::array<std::string_view, 256> kWords = {
    "tigre",      "lampe",      "soleil",    "lune",       "pomme",     "poire",    "melon",
    "citron",     "orange",     "banane",    "cerise",     "prune",     "olive",    "tomate",
    "radis",      "chou",       "carotte",   "navet",      "salade",    "riz",      "pain",
    "lait",       "sucre",      "miel",      "sel",        "beurre",    "gateau",   "tarte",
    "biscuit",    "bonbon",     "chocolat",  "chat",       "chien",     "lapin",    "souris",
    "cheval",     "poney",      "vache",     "mouton",     "cochon",    "canard",   "poule",
    "coq",        "oie",        "dinde",     "zebre",      "lion",      "panda",    "koala",
    "loup",       "renard",     "ours",      "tortue",     "lezard",    "serpent",  "crabe",
    "poisson",    "baleine",    "dauphin",   "requin",     "phoque",    "pingouin", "hibou",
    "aigle",      "corbeau",    "pigeon",    "moineau",    "abeille",   "fourmi",   "papillon",
    "escargot",   "grenouille", "castor",    "girafe",     "chameau",   "rhino",    "kangourou",
    "singe",      "gorille",    "hamster",   "furet",      "taupe",     "herisson", "arbre",
    "fleur",      "rose",       "tulipe",    "herbe",      "feuille",   "branche",  "racine",
    "graine",     "foret",      "jardin",    "prairie",    "colline",   "montagne", "volcan",
    "riviere",    "lac",        "ocean",     "plage",      "sable",     "caillou",  "rocher",
    "grotte",     "ile",        "desert",    "glacier",    "nuage",     "pluie",    "neige",
    "vent",       "orage",      "eclair",    "arcenciel",  "etoile",    "comete",   "planete",
    "fusee",      "robot",      "radio",     "piano",      "guitare",   "violon",   "flute",
    "tambour",    "trompette",  "harpe",     "banjo",      "tuba",      "table",    "chaise",
    "lit",        "canape",     "tapis",     "rideau",     "fenetre",   "porte",    "mur",
    "toit",       "maison",     "cabane",    "chateau",    "tour",      "pont",     "route",
    "train",      "bateau",     "avion",     "velo",       "moto",      "camion",   "tracteur",
    "bus",        "taxi",       "metro",     "tram",       "voiture",   "ballon",   "crayon",
    "stylo",      "gomme",      "cahier",    "livre",      "carte",     "globe",    "regle",
    "colle",      "ciseaux",    "pinceau",   "peinture",   "craie",     "chapeau",  "bonnet",
    "echarpe",    "gant",       "botte",     "chaussette", "manteau",   "pull",     "robe",
    "jupe",       "short",      "cravate",   "bleu",       "rouge",     "vert",     "jaune",
    "violet",     "blanc",      "noir",      "gris",       "marron",    "cloche",   "bougie",
    "miroir",     "horloge",    "bouteille", "verre",      "tasse",     "bol",      "assiette",
    "fourchette", "cuillere",   "couteau",   "casserole",  "four",      "frigo",    "lavabo",
    "savon",      "brosse",     "peigne",    "serviette",  "soupe",     "pizza",    "crepe",
    "gaufre",     "omelette",   "yaourt",    "fromage",    "jambon",    "ami",      "heros",
    "pirate",     "fee",        "sorcier",   "dragon",     "licorne",   "geant",    "lutin",
    "roi",        "reine",      "prince",    "princesse",  "chevalier", "jouet",    "toupie",
    "yoyo",       "puzzle",     "domino",    "cube",       "bille",     "luge",     "ski",
    "patin",      "kayak",      "tente",     "boussole",   "lanterne",  "hiver",    "ete",
    "automne",    "printemps",  "matin",     "midi"};

std::string_view random_word() { return kWords[randombytes_uniform(kWords.size())]; }

}  // namespace

std::string generate_password() {
  if (sodium_init() < 0) throw std::logic_error("libsodium could not initialise");
  // Three words and a two-digit number: about 30 bits, typed in seconds by a child.
  std::string out(random_word());
  out += '-';
  out += random_word();
  out += '-';
  out += std::to_string(10 + randombytes_uniform(90));
  out += '-';
  out += random_word();
  return out;
}

}  // namespace kidwiki::engine

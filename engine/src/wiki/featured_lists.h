// The main page's lists of what to feature, kept by moderators in the main page itself (which is
// protected like any page they choose to protect), as a fenced block of lines:
//
//     ```featured
//     article: Éléphant
//     article: Lion
//     picture: Fichier:Lion.png
//     portal: Catégorie:Animaux
//     ```
//
// One article and one picture are featured per day, in turn: the day's number modulo the list's
// length. Every portal is shown, in the order written. Readers
// never see the block itself (render_featured.h drops it); the main page shows the day's choice.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace kidwiki::engine {

struct FeaturedLists {
  std::vector<std::string> articles;  // titles as written
  std::vector<std::string> pictures;  // file page titles as written
  std::vector<std::string> portals;   // category titles as written
};

// The lists of every ```featured block of `markdown`; lines other than "article: ..." and
// "picture: ..." and "portal: ..." (also "article :", "image:", "portail:", any case) are ignored.
FeaturedLists read_featured_lists(std::string_view markdown);

// The entry of `list` for `day` (days since 1970-01-01), or nothing for an empty list.
std::optional<std::string> entry_of_the_day(const std::vector<std::string>& list, std::int64_t day);

}  // namespace kidwiki::engine

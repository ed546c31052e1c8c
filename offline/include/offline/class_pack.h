// A class's offline pack (issue 16): a teacher picks a category or a list of article titles and
// takes those pages away as a ZIM file or a zip of static pages, for a class without internet.
// Who may is the engine's decision (Classes::pack_class: the class's teacher and admins); what
// goes in is what anonymous readers see, as for every export (offline/export.h).
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>

#include "engine/wiki.h"
#include "offline/export.h"

namespace kidwiki::offline {

// A pack is for a lesson, not a copy of the wiki: more pages are refused (413) rather than cut.
inline constexpr std::size_t kMaxPackPages = 300;
// The list of titles as typed, in bytes (one title per line).
inline constexpr std::size_t kMaxPackTitlesBytes = 64 * 1024;

struct PackRequest {
  std::string category;  // a category's name, without the namespace ("Animaux"); or
  std::string titles;    // article titles, one per line (blank lines ignored)
};

// The pack's pages, in the class's edition, named after the class. Refuses as Classes::pack_class,
// and: invalid_input "offline-pack-error-choose" when neither a category nor a title is given,
// too_large "offline-pack-error-too-long" for a list over kMaxPackTitlesBytes, invalid_title for a
// line that is not a title, unprocessable "offline-pack-error-missing" (arg "title") for a title
// readers cannot see and "offline-pack-error-empty-category" (arg "category") for a category
// without articles, too_large "offline-pack-error-too-many" (arg "max") above kMaxPackPages.
engine::Result<Selection> pack_selection(engine::Wiki& wiki, const engine::Actor& actor,
                                         std::int64_t class_id, const PackRequest& request);

}  // namespace kidwiki::offline

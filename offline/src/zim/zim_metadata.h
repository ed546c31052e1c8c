// What a ZIM file says about itself (the metadata Kiwix shows in its library and zimcheck checks):
// https://wiki.openzim.org/wiki/Metadata
#pragma once

#include <string>

#include <zim/writer/creator.h>

#include "engine/wiki.h"
#include "offline/export.h"

namespace kidwiki::offline {

// The edition's language as ISO 639-3 ("fra"), as ZIM metadata and libzim's indexer want it.
std::string zim_language(const engine::Edition& ed);

// Title, Description, Language, Creator, Publisher, Date, Name, Flavour, License and the 48×48
// illustration. `day` is copy_day()'s.
void add_metadata(zim::writer::Creator& creator, const engine::Edition& ed,
                  const Selection& selection, const std::string& day);

}  // namespace kidwiki::offline

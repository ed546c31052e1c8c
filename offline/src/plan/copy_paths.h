// The names of things inside an offline copy, and relative links between them. A copy is read
// from file:// or from inside a ZIM file, so every link is relative to the page it is on.
#pragma once

#include <string>
#include <string_view>

#include "engine/title.h"
#include "engine/files.h"

namespace kidwiki::offline {

// A page's path in a ZIM file: its title with spaces as underscores ("Lion_d'Afrique").
std::string zim_page_path(const engine::Title& title);

// A page's file name in a folder: as zim_page_path, with / \ : * ? " < > | and control characters
// (which FAT, Windows or a path would misread) as underscores, and ".html".
std::string folder_page_name(const engine::Title& title);

// A picture's path in a copy: "<prefix><sha256>-<width>.<ext>" (width 0: the image itself).
std::string picture_path(std::string_view prefix, const engine::FileInfo& file, int width);

// The way from the page at `from` back to the copy's root: "./" at the top ("./" keeps a first
// segment with a colon from reading as a URL scheme), "../" once per folder below it.
std::string root_of(std::string_view from);

// An href from the page at `from` to `to` (both paths inside the copy), percent-encoded.
std::string relative_href(std::string_view from, std::string_view to);

}  // namespace kidwiki::offline

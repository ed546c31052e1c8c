// Where a copy is written until it is complete, and how it takes its place: a hidden folder beside
// the destination that holds the file (or folder) being made, renamed over when complete and
// removed otherwise, so that a stopped or failed export leaves nothing half-written behind.
#pragma once

#include <filesystem>

#include "engine/wiki.h"
#include "page/exported_page.h"

namespace kidwiki::offline {

// The work folder for `out` (created): ".<name>.part-<pid>" beside it.
std::filesystem::path work_folder(const std::filesystem::path& out);
// Where the copy is made inside the work folder: the same name as `out`.
std::filesystem::path work_path(const std::filesystem::path& work, const std::filesystem::path& out);
// Removes the work folder and all it holds; never throws.
void remove_work(const std::filesystem::path& work);
// Renames the finished copy onto `out` (a folder copy onto a missing or empty folder) and removes
// the work folder; false when it cannot (the work folder is removed all the same).
bool publish_work(const std::filesystem::path& work, const std::filesystem::path& out);

// The file of a picture a page shows, as anonymous readers may fetch it; not_found when they no
// longer may.
engine::Result<engine::MediaFile> picture_file(engine::Wiki& wiki, const PictureUse& use);

}  // namespace kidwiki::offline

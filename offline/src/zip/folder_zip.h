// A folder copy as one zip file (libarchive), for a class pack a teacher downloads: every file of
// the folder under the folder's name, so that unzipping gives the folder back.
#pragma once

#include <filesystem>

namespace kidwiki::offline {

// Writes `folder` into the zip `out`; false when a file cannot be read or `out` written (what was
// written of `out` is removed).
bool zip_folder(const std::filesystem::path& folder, const std::filesystem::path& out);

}  // namespace kidwiki::offline

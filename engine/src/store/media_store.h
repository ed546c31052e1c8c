// Pictures in SQLite: the stored images (media_file) and the image each revision of a file page
// carries (revision_file). The bytes themselves are files on disk (media/media_files.h).
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "engine/files.h"
#include "store/database.h"

namespace kidwiki::engine {

// Records `file` (its image once, and the licence, author and source with the revision).
// Precondition: the image's bytes are on disk (write before the transaction commits, never after).
void attach_file(db::Connection& c, std::int64_t revision_id, const FileInfo& file);

// The image a revision carries; empty for a revision without one (any page outside File, or a
// file page written before its first upload).
std::optional<FileInfo> file_of_revision(db::Connection& c, std::int64_t revision_id);

// The picture readers see on the file page `name` (its published revision's, unless the page is
// deleted or that revision hidden).
std::optional<FileInfo> visible_picture(db::Connection& c, std::int64_t edition_id,
                                        const std::string& name);

// The revisions carrying the image `sha256`, oldest first: whoever may see one of them may see
// the image.
std::vector<std::int64_t> revisions_with_image(db::Connection& c, const std::string& sha256);

// The image's format ("jpeg", "png", "webp"); empty when no revision ever carried it.
std::optional<std::string> image_format(db::Connection& c, const std::string& sha256);

}  // namespace kidwiki::engine

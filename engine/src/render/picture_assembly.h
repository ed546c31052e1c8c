// Turns a stored revision's picture placeholders (render_pictures.h) into pictures with their
// current image: the picture readers see on its file page now, in the sizes articles use, with
// width and height so that the page does not jump while it loads. A picture that does not exist
// (or that readers may not see yet) becomes a red link to its upload.
// Why at view time, as for links: a new version of a picture, approved later, shows in every
// article that uses it without rendering them again.
#pragma once

#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "engine/files.h"
#include "engine/options.h"
#include "engine/wiki.h"

namespace kidwiki::engine {

// The picture readers see for each file page title, in order, asked once for all of them.
using VisiblePictures =
    std::function<std::vector<std::optional<FileInfo>>(const std::vector<Title>&)>;

std::string assemble_pictures(std::string_view html, const Edition& edition,
                              const VisiblePictures& pictures, const PageAddress& page_address,
                              const MediaAddress& media_address);

}  // namespace kidwiki::engine

// Finding a page's neighbouring revisions among those readers see, for "newer"/"current" links.
#pragma once

#include <cstdint>
#include <optional>

#include "engine/wiki.h"

namespace kidwiki::web {

// The page's newest revision; empty when the page has none or cannot be read.
std::optional<std::int64_t> current_revision_id(engine::Wiki& wiki, const engine::Edition& edition,
                                                const engine::Title& title);

// The revision that came right after `revision_id` in the page's history; empty for the newest
// (or when `revision_id` is not in the page's history). Pages through the history, newest first.
std::optional<std::int64_t> newer_revision_id(engine::Wiki& wiki, const engine::Edition& edition,
                                              const engine::Title& title,
                                              std::int64_t revision_id);

}  // namespace kidwiki::web

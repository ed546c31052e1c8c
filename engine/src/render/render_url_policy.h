// Which Markdown links and images survive, and how the surviving links are written.
//
// Links: http, https, mailto and relative URLs survive; any other scheme (javascript:, data:,
// vbscript:, file:, ...) loses the link and keeps its text. Links with a scheme or starting with
// "//" are external: rel="nofollow noopener noreferrer" class="external".
// Images: only from this wiki, i.e. a path starting with a single "/"; any other image is replaced
// by its alt text.
#pragma once

#include <cmark-gfm.h>

#include <string_view>
#include <vector>

namespace kidwiki::engine {

enum class LinkKind { refused, local, external };

// Classifies a URL as a browser would read it: leading spaces and control characters skipped,
// tabs and line breaks ignored, the scheme compared without case.
LinkKind classify_link_url(std::string_view url);

bool is_local_image_url(std::string_view url);

// Applies the policy to the given links and images (see TreeSurvey::links_and_images). Surviving
// links become custom inline nodes whose attributes are written (and escaped) here, because cmark
// cannot write rel or class. Each node is replaced only after its children were moved out, so a
// link nested in an image (or the reverse) is still valid when its turn comes.
void apply_url_policy(const std::vector<cmark_node*>& links_and_images);

}  // namespace kidwiki::engine

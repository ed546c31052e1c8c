// "#REDIRECT [[Target]]" on the first line makes a page a redirect.
#pragma once

#include <cstddef>
#include <optional>
#include <string_view>

#include "engine/render.h"

namespace kidwiki::engine {

struct Redirect {
  Title target;
  std::size_t line_length;  // bytes of the first line, with its line break: not rendered
};

// The redirect the first line declares: "#REDIRECT" or "#REDIRECTION" in any case (every edition
// accepts both), an optional ':', spaces, then a wiki link to a page ("[[Target]]",
// "[[Target#Section|label]]"; the section and label are ignored). Leading spaces are allowed.
// Empty when the first line is anything else or the target is not a valid title.
std::optional<Redirect> find_redirect(std::string_view markdown, const RenderContext& context);

}  // namespace kidwiki::engine

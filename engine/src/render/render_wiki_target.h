// What the text between [[ and ]] means.
#pragma once

#include <string>
#include <string_view>

#include "engine/render.h"

namespace kidwiki::engine {

struct WikiTarget {
  enum class Kind {
    page,      // a link to a page of this wiki, possibly to an anchor in it
    section,   // [[#Section]]: a link to an anchor of the same page
    category,  // [[Category:Name]]: the page joins the category; nothing shown
    language,  // [[xx:Title]]: the same subject in another edition; nothing shown
  };
  Kind kind = Kind::page;
  Title title;           // page and category
  std::string fragment;  // page and section: the anchor (as anchor_of gives it), may be empty
  // page and section: what the reader sees, a part of the text given to parse_wiki_target
  std::string_view label;
  LangLink langlink;     // language
};

// Reads "target", "target|label", "target#Section", "#Section", ":Category:Name",
// "Category:Name|sort key" or "xx:Title". A leading ':' makes any target an inline link.
// False when the target is not a valid title: the brackets then stay as text, and `target` holds
// nothing useful. Fills `target` in place (a render parses thousands). The label is a view into
// `inner`: keep `inner`'s bytes as long as `target`.
bool parse_wiki_target(std::string_view inner, const RenderContext& context, WikiTarget& target);

}  // namespace kidwiki::engine

// The placeholder an internal link carries between rendering and viewing.
//
// The renderer writes every link to a page of this wiki as
//     <a data-wl="14:Animaux d&#39;Afrique#Savane">label</a>
// (namespace number, ':', the normalised title text, then '#' and the anchor when there is one;
// the value HTML-escaped). Whether the target exists changes after the page is saved, so the
// engine replaces each opening tag with the real <a href=... class=...> when the page is viewed;
// the closing tag is a plain </a> and stays.
//
// Invariant: the byte sequence `<a data-wl="` in rendered HTML can only come from
// make_link_placeholder. cmark escapes every '<' of user text (text, code, attribute values),
// raw HTML is omitted (CMARK_OPT_UNSAFE is never set), and every attribute the renderer writes
// itself goes through render_escape.h. So find_link_placeholders never mistakes user text for a
// placeholder.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include "engine/title.h"

namespace kidwiki::engine {

// The opening tag for a link to `target`, optionally to the anchor `fragment` (the heading id as
// written in the target page, e.g. "Savane_africaine"; empty for none).
std::string make_link_placeholder(const Title& target, std::string_view fragment);
// The same, appended to `out`. Returns the offset in `out` and the size of the part that names
// the target page (the namespace and the escaped title, without the anchor): two links have equal
// parts exactly when they link to the same title, since escaping is one-to-one.
struct PlaceholderKey {
  std::size_t offset;
  std::size_t size;
};
PlaceholderKey append_link_placeholder(std::string& out, const Title& target,
                                       std::string_view fragment);

struct LinkPlaceholder {
  std::size_t position;  // offset of '<' of the opening tag in the HTML
  std::size_t length;    // length of the opening tag, up to and including its '>'
  Title target;
  std::string fragment;  // unescaped: escape it again when writing it into an attribute
};

// Every placeholder in `html`, in order. Linear in the size of `html`. A tag that does not parse
// (which make_link_placeholder never produces) is skipped.
std::vector<LinkPlaceholder> find_link_placeholders(std::string_view html);

// The inverse of i18n::append_html_escaped, for the five entities it writes: an attribute value
// the renderer wrote, read back.
std::string attribute_unescaped(std::string_view value);

}  // namespace kidwiki::engine

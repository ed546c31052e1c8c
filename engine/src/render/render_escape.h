// Escaping for every piece of HTML the renderer writes itself (cmark escapes only what it writes).
// Invariant: a value passed through these functions can never close its attribute or open a tag.
#pragma once

#include <string>
#include <string_view>

namespace kidwiki::engine {

// & < > " ' become entities: safe as element text and inside a double-quoted attribute.
void append_html_escaped(std::string& out, std::string_view text);
std::string html_escaped(std::string_view text);

// Text escaped exactly as cmark escapes a text node (& < > " only), for text the renderer writes
// in cmark's place: the HTML stays byte for byte what cmark would have written.
void append_text_escaped(std::string& out, std::string_view text);

// A URL for an href or src attribute: bytes outside the URL-safe ASCII set (space, controls,
// quotes, < > \ ` { } | ^ and every non-ASCII byte) are percent-encoded, then & and ' become
// entities. Existing %xx sequences are kept, so an already encoded URL is not encoded twice.
std::string href_escaped(std::string_view url);

}  // namespace kidwiki::engine

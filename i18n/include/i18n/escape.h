// Escaping text for HTML and for URLs: the one HTML escaper and the one percent-encoder of the
// whole program (the engine's renderer, the search snippets, the web pages and logs all use these).
// Invariant: a value passed through the HTML escapers can never close its attribute or open a tag.
#pragma once

#include <string>
#include <string_view>

namespace kidwiki::i18n {

// & < > " ' become entities: safe as element text and inside a double-quoted attribute.
void append_html_escaped(std::string& out, std::string_view text);
std::string html_escaped(std::string_view text);

// Text escaped exactly as cmark escapes a text node (& < > " only), for text the renderer writes
// in cmark's place: the HTML stays byte for byte what cmark would have written.
void append_text_escaped(std::string& out, std::string_view text);

// Which bytes a part of a URL keeps as they are; every other byte becomes %XX (upper-case hex).
enum class UrlPart {
  component,  // a query value or a path segment: only A-Z a-z 0-9 - _ . ~ (RFC 3986 unreserved)
  title,      // a page title in a path (kidwiki's canonical form): unreserved and : / ( ) , ! * @
  url,        // a whole URL: every URL-safe ASCII byte, reserved ones and % (already encoded
              // sequences stay as they are); space, controls, " < > \ ` { } | ^ and non-ASCII go
  printable,  // a line of a log: every printable ASCII byte but the space
};
std::string percent_encoded(std::string_view text, UrlPart part);

// A URL for an href or src attribute: percent_encoded(url, UrlPart::url), then & and ' as
// entities.
std::string href_escaped(std::string_view url);

}  // namespace kidwiki::i18n

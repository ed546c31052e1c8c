// The converter's passes (wikitext.h), in the order wikitext_to_markdown runs them.
#pragma once

#include <algorithm>
#include <array>
#include <cctype>
#include <map>
#include <string>
#include <string_view>
#include <vector>

#include "import/wikitext.h"

namespace kidwiki::import {

using Lost = std::map<std::string, int>;

// `s` without the white space (newlines included) around it.
inline std::string strip_space(std::string_view s) {
  while (!s.empty() && std::isspace(static_cast<unsigned char>(s.front()))) s.remove_prefix(1);
  while (!s.empty() && std::isspace(static_cast<unsigned char>(s.back()))) s.remove_suffix(1);
  return std::string(s);
}

template <std::size_t N>
bool one_of(std::string_view name, const std::array<std::string_view, N>& names) {
  return std::find(names.begin(), names.end(), name) != names.end();
}

// wikitext_strip.cpp: drops comments, templates and parser functions (named in `lost`), tags
// whose content cannot be converted, and unwraps formatting tags; `<nowiki>` content comes out
// with its wiki markup neutralised. `depth`: how many templates deep `text` sits.
std::string strip_unconvertible(std::string_view text, Lost& lost, int depth = 0);

// wikitext_templates.cpp: appends to `out` the wikitext a template with a plain meaning stands
// for (`inner` is what lies between its braces) and returns true; false for any other template.
bool convert_template(std::string_view inner, int depth, std::string& out, Lost& lost);

// wikitext_refs.cpp: replaces each `<ref>` with its number ("[1]") and returns the notes' texts
// in order, so that they can be listed at the end.
std::string number_refs(std::string_view text, std::vector<std::string>& notes);

// wikitext_blocks.cpp: headings, lists, tables, rules and paragraphs, line by line.
std::string convert_blocks(std::string_view text, const WikitextNames& names, Lost& lost);

// wikitext_inline.cpp: one line's bold, italic, links and pictures; plain characters that mean
// something in Markdown are escaped.
std::string convert_inline(std::string_view line, const WikitextNames& names);

// A page title's namespace prefix ("Catégorie:X") is one of `prefixes` (first letter's case
// ignored, spaces and underscores alike); `rest` gets what follows the colon.
bool has_prefix(std::string_view target, const std::vector<std::string>& prefixes,
                std::string_view& rest);

}  // namespace kidwiki::import

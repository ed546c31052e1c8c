// MediaWiki wikitext to kidwiki's Markdown (docs/markdown.md), for imports.
//
// What converts: headings, bold and italic, internal links (with their trails), external links,
// lists (`*`, `#`, `;`, `:`), tables as GFM tables, `<ref>` as a numbered sources list, images as
// kidwiki pictures, categories, interlanguage links and redirects. What cannot (templates, parser
// functions, galleries, formulas, nested tables) is dropped and named in `Converted::lost`, for
// the import report.
//
// Invariant: the work is linear in the input's size whatever it holds (unclosed templates,
// tables and links, deep nesting, a megabyte of quotes): every scan moves forward, and the one
// look-ahead that could repeat (a picture's caption) is bounded.
#pragma once

#include <map>
#include <string>
#include <string_view>
#include <vector>

namespace kidwiki::import {

struct WikitextNames {
  // The source wiki's names of the category and file namespaces (from its siteinfo); MediaWiki's
  // English names ("Category", "File", "Image") are always understood too.
  std::vector<std::string> source_category;
  std::vector<std::string> source_file;
  // The edition's names, written in the Markdown.
  std::string category = "Category";
  std::string file = "File";
  std::string sources_heading = "Sources";  // the heading over the footnotes' list
};

struct Converted {
  std::string markdown;
  // What was dropped, counted: "{{Infobox Animal}}", "{{#if}}", "<gallery>", "nested table".
  std::map<std::string, int> lost;
};

Converted wikitext_to_markdown(std::string_view wikitext, const WikitextNames& names);

}  // namespace kidwiki::import

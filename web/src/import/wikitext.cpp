#include "import/wikitext.h"

#include <algorithm>

#include "import/wikitext_parts.h"

namespace kidwiki::import {
namespace {

void add_name(std::vector<std::string>& names, std::string name) {
  if (std::find(names.begin(), names.end(), name) == names.end()) names.push_back(std::move(name));
}

// The notes as a numbered wikitext list under a heading, so that the block pass converts them
// like the rest of the page.
std::string notes_section(const std::vector<std::string>& notes, const std::string& heading) {
  if (notes.empty()) return "";
  std::string out = "\n\n== " + heading + " ==\n";
  for (std::string note : notes) {
    std::replace(note.begin(), note.end(), '\n', ' ');
    out += "# " + (note.empty() ? std::string("…") : note) + "\n";
  }
  return out;
}

}  // namespace

Converted wikitext_to_markdown(std::string_view wikitext, const WikitextNames& given) {
  WikitextNames names = given;
  for (const char* name : {"Category"}) add_name(names.source_category, name);
  for (const char* name : {"File", "Image"}) add_name(names.source_file, name);
  add_name(names.source_category, given.category);
  add_name(names.source_file, given.file);
  Converted converted;
  const std::string stripped = strip_unconvertible(wikitext, converted.lost);
  std::vector<std::string> notes;
  std::string text = number_refs(stripped, notes);
  text += notes_section(notes, names.sources_heading);
  converted.markdown = convert_blocks(text, names, converted.lost);
  return converted;
}

}  // namespace kidwiki::import

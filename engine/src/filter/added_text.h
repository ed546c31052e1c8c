// What an edit adds: the content filters check only text a writer brought in, so that an article
// that already quotes a date or a word on the list does not hold every later edit of it.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace kidwiki::engine {

struct AddedText {
  std::string text;
  // Where each added line begins: in `text`, and in the edited text it was taken from. A filter's
  // match in `text` is pointed back at what the writer typed through these.
  std::vector<std::pair<std::size_t, std::size_t>> line_starts;

  // The byte offset in the edited text of the byte at `offset` in `text` (an offset at the end of
  // an added line, as a match's end can be, maps to the end of that line).
  std::size_t position_in_edit(std::size_t offset) const;
  // Where the added line holding `offset` ends in `text`: a match never reaches past it into a
  // line that stands elsewhere in the edit.
  std::size_t line_end(std::size_t offset) const;
};

// The lines of `after` that `before` does not have (counted: a line present once before and twice
// after is added once), joined by '\n' in their order in `after`. A changed line counts as added
// whole. Linear in the sizes of both texts.
AddedText added_lines(std::string_view before, std::string_view after);

}  // namespace kidwiki::engine

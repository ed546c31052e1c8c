// A filter's matches turned into findings in the writer's own field (engine/filter.h): the
// positions of a match in the lines an edit added are taken back to the edited text, and bytes
// become characters.
#pragma once

#include <string_view>
#include <vector>

#include "engine/filter.h"
#include "filter/added_text.h"

namespace kidwiki::engine {

// The matches of `found` with `action`, in order. `checked` is what the filter read when it was
// not the field itself: the lines an edit added to it.
std::vector<FilterFinding> findings_of(const FilterResult& found, FilterAction action,
                                       std::string_view field, std::string_view field_text,
                                       const AddedText* checked = nullptr);

// Points `finding` at its words in `typed`, the text as its writer sent it, when the filter read
// another (the writer's text merged with what was published meanwhile): the editor selects in
// what the writer has on screen. Unchanged when the words are not in `typed`.
void relocate(FilterFinding& finding, std::string_view typed);

}  // namespace kidwiki::engine

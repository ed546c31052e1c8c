// The words a content filter held, marked in the diff a reviewer reads: a teacher sees at a glance
// the street address or the rude word that made an edit wait, where the pupil wrote it.
#pragma once

#include <string_view>
#include <vector>

#include "engine/diff.h"
#include "engine/filter.h"

namespace kidwiki::engine {

// Splits the right-hand segments of `diff` (the diff of some text to `right_text`) so that the
// words of each "text" finding stand in segments of their own, marked `held`. Findings count code
// points in `right_text`, as the filter reports them; other fields (a summary) are left alone, as
// are findings outside the rows the diff shows. The segments of each side still join to the line.
void mark_held(DiffResult& diff, std::string_view right_text,
               const std::vector<FilterFinding>& findings);

}  // namespace kidwiki::engine

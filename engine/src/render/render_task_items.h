// Task list boxes read again from the source.
//
// Why: cmark-gfm 0.29.0.gfm.6 (Debian 12) ticks a task item when "[x]" or "[X]" appears anywhere
// on the item's first line, not only in its box: "- [ ] pick [x] or [y]" came out ticked. The box
// is found again where the item's source position says its marker is.
#pragma once

#include <cmark-gfm.h>

#include <string_view>
#include <vector>

namespace kidwiki::engine {

// `items` are task list items of the tree parsed from `markdown`, in document order. Each gets
// the state of the box that follows its list marker; an item whose box cannot be found there
// (a line cmark changed while parsing: ill-formed UTF-8, NUL) keeps cmark-gfm's state.
void correct_task_boxes(const std::vector<cmark_node*>& items, std::string_view markdown);

}  // namespace kidwiki::engine

// What an edit adds: the content filters check only text a writer brought in, so that an article
// that already quotes a date or a word on the list does not hold every later edit of it.
#pragma once

#include <string>
#include <string_view>

namespace kidwiki::engine {

// The lines of `after` that `before` does not have (counted: a line present once before and twice
// after is added once), joined by '\n' in their order in `after`. A changed line counts as added
// whole. Linear in the sizes of both texts.
std::string added_lines(std::string_view before, std::string_view after);

}  // namespace kidwiki::engine

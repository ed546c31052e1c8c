// The form every stored text has, so that equal texts compare equal (null edits) and merges see
// the same lines: line endings as \n, NFC, no trailing white space. A summary is one line.
#pragma once

#include <string>
#include <string_view>

namespace kidwiki::engine {

std::string normalize_text(std::string_view raw);
// Line breaks and tabs become spaces; no leading or trailing spaces; NFC.
std::string normalize_summary(std::string_view raw);

}  // namespace kidwiki::engine

// Heading anchors and the table of contents.
#pragma once

#include <cmark-gfm.h>

#include <string>
#include <string_view>
#include <vector>

#include "engine/render.h"
#include "render/render_survey.h"

namespace kidwiki::engine {

// Articles with at least this many headings get a table of contents.
inline constexpr std::size_t kTocMinHeadings = 3;

// The anchor MediaWiki would give a heading: trimmed, each run of white space one underscore.
// "Où vit le lion ?" -> "Où_vit_le_lion_?". Empty for blank text.
std::string anchor_of(std::string_view text);

// Gives every heading of `headings` (from survey_tree, in document order) a unique id (the anchor,
// then _2, _3 for repeats; "section" for a blank heading) by replacing it with a custom block that
// writes <hN id="...">, and, with kTocMinHeadings or more headings, inserts a <nav class="toc">
// titled `toc_title` before the top-level block holding the first one. Returns the headings in
// order.
std::vector<Heading> anchor_headings(std::vector<SurveyedHeading> headings,
                                     std::string_view toc_title);

}  // namespace kidwiki::engine

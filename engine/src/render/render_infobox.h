// Infoboxes: the summary box at the top of an article, written as a fenced block of
// "label: value" lines, which any Markdown editor shows as plain lines:
//
//     ```infobox
//     title: Lion
//     image: Fichier:Lion.jpg
//     caption: A male lion
//     Class: [[Mammals]]
//     Weight: 150 to 250 kg
//     ```
//
// It becomes a real table (<table class="infobox">): its title as the caption, the picture with
// its caption on the first row, then one row per line with the label as a row heading. A value is
// Markdown of one line (emphasis, [[wiki links]], links); a line without ": " is a row of its own.
// Keys are matched without case: "title", "image" and "caption" in English, or "titre", "image"
// and "légende" in French. Why a fenced block: it needs no new syntax, degrades to readable lines
// elsewhere, and the filters and diffs read it as ordinary text.
#pragma once

#include <cmark-gfm.h>

#include "engine/render.h"

namespace kidwiki::engine {

// Replaces every top-level ```infobox block of `document` by its table. Runs before the survey,
// so that the values' wiki links, pictures and plain text are handled with the rest of the page.
void build_infoboxes(cmark_node* document, const RenderContext& context, RenderResult& result);

// At most this many rows per infobox; the rest of the lines are dropped.
inline constexpr int kMaxInfoboxRows = 40;

}  // namespace kidwiki::engine

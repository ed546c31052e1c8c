// The GitHub-flavoured extensions the renderer turns on: pipe tables, ~~strikethrough~~ and task
// list items (- [ ] / - [x]). Nothing else: no autolink (it makes links out of plain text, and
// its scanner is where cmark-gfm's quadratic and out-of-bounds bugs were found), no tagfilter
// (it only filters raw HTML, which safe mode never writes), no footnotes (not asked for).
//
// What each writes, all of it safe: tables as <table>, <thead>, <tbody>, <tr>, <th>, <td>, with
// alignment as align="left|center|right" (never style=: CMARK_OPT_TABLE_PREFER_STYLE_ATTRIBUTES
// is not passed); strikethrough as <del>; a task item as <li><input type="checkbox" disabled="" />
// with checked="" when ticked. Cells, struck text and items hold ordinary inline nodes, so the
// wiki links, the URL policy and safe mode apply inside them as anywhere else.
#pragma once

#include <cmark-gfm.h>

namespace kidwiki::engine {

// Attaches the extensions to a fresh parser. Thread-safe: the first call registers cmark-gfm's
// core extensions in its process-wide registry, once.
void attach_gfm_extensions(cmark_parser* parser);

// Whether `type` is strikethrough, an inline that nests like emphasis. Only meaningful after a
// parser got the extensions (before, cmark-gfm has not numbered the type).
bool is_strikethrough(cmark_node_type type);

// Whether `node` is a list item that cmark-gfm read as a task (its text starts with a box).
bool is_task_item(cmark_node* node);

// cmark_node_insert_before, except that a table cell accepts any inline node. cmark-gfm's table
// cells take only the inline types its parser makes (text, code, emphasis, links, ...), not the
// custom nodes the wiki's passes put in place of links; the cell is lent an extension that
// accepts any inline for the insertion, and gets its own back before this returns (its HTML is
// still the table extension's <td> or <th>). False when cmark refuses anyway.
bool insert_inline_before(cmark_node* sibling, cmark_node* node);

}  // namespace kidwiki::engine

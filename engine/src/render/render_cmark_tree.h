// Small helpers over cmark-gfm's node API (the same API as cmark's), so the renderer's passes read as tree edits.
// Ownership: a node inserted in a tree belongs to the tree; a free-standing node to whoever made
// it. Every node and buffer comes from cmark_memory(): the render's arena when one is alive.
#pragma once

#include <cmark-gfm.h>

#include <memory>
#include <string>
#include <string_view>

#include "render/render_cmark_arena.h"

namespace kidwiki::engine {

// The only options cmark-gfm ever gets: its safe default (raw HTML omitted, dangerous URLs
// dropped), UTF-8 validation, and strikethrough only between two tildes (a single ~ is common in
// pupils' text: "~5 km"). Never CMARK_OPT_UNSAFE (the safety tests depend on it), never
// CMARK_OPT_TABLE_PREFER_STYLE_ATTRIBUTES (no style= in the HTML).
inline constexpr int kCmarkOptions =
    CMARK_OPT_DEFAULT | CMARK_OPT_VALIDATE_UTF8 | CMARK_OPT_STRIKETHROUGH_DOUBLE_TILDE;

struct CmarkNodeDeleter {
  void operator()(cmark_node* node) const { cmark_node_free(node); }
};
using CmarkNodePtr = std::unique_ptr<cmark_node, CmarkNodeDeleter>;

// Parses with kCmarkOptions and the GFM extensions (render_gfm_extensions.h): ill-formed UTF-8
// comes out as U+FFFD. Thread-safe, but parses in one process run one at a time (see the .cpp).
CmarkNodePtr parse_commonmark(std::string_view markdown);

// cmark-gfm's HTML for `node` and its subtree, extension nodes included.
std::string render_cmark_html(cmark_node* node);

// A literal as a view; empty for nodes without one.
std::string_view literal_of(cmark_node* node);

// New free-standing nodes.
cmark_node* new_text_node(std::string_view text);
cmark_node* new_custom_inline(const std::string& on_enter, const std::string& on_exit);
cmark_node* new_custom_block(const std::string& on_enter);

// Inserts the free-standing `node` before `sibling`, in any container, table cells included
// (render_gfm_extensions.h). Throws std::logic_error when cmark refuses: a node that cannot go
// where a pass puts it is a bug, and its text would otherwise vanish from the page unnoticed.
void insert_before(cmark_node* sibling, cmark_node* node);
// Moves every child of `from`, in order, to the end of `to`.
void move_children(cmark_node* from, cmark_node* to);
// Puts the children of `node` where it stands, then frees it (a link that loses its URL).
void replace_by_children(cmark_node* node);
// Replaces `old_node` by the free-standing `new_node`, then frees `old_node` and its subtree.
void replace_node(cmark_node* old_node, cmark_node* new_node);
void remove_node(cmark_node* node);

}  // namespace kidwiki::engine

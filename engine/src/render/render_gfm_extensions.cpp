#include "render/render_gfm_extensions.h"

#include <cmark-gfm-core-extensions.h>

#include <cstdio>
#include <cstdlib>

// Defined and exported by libcmark-gfm-extensions (its extensions/strikethrough.h, a header Debian
// does not install); numbered when the core extensions are registered.
extern "C" cmark_node_type CMARK_NODE_STRIKETHROUGH;
extern "C" cmark_node_type CMARK_NODE_TABLE_CELL;

namespace kidwiki::engine {
namespace {

struct Extensions {
  cmark_syntax_extension* table;
  cmark_syntax_extension* strikethrough;
  cmark_syntax_extension* tasklist;
  // Not registered nor attached to any parser: only lent to a table cell by insert_inline_before.
  cmark_syntax_extension* any_inline;
};

int contains_any_inline(cmark_syntax_extension*, cmark_node*, cmark_node_type child_type) {
  return (child_type & CMARK_NODE_TYPE_MASK) == CMARK_NODE_TYPE_INLINE;
}

cmark_syntax_extension* make_any_inline() {
  cmark_syntax_extension* extension = cmark_syntax_extension_new("kidwiki-any-inline");
  cmark_syntax_extension_set_can_contain_func(extension, contains_any_inline);
  return extension;
}

cmark_syntax_extension* find_extension(const char* name) {
  cmark_syntax_extension* extension = cmark_find_syntax_extension(name);
  if (extension == nullptr) {  // a library built without it: no render could be right
    std::fprintf(stderr, "[kidwiki] cmark-gfm has no '%s' extension, aborting\n", name);
    std::abort();
  }
  return extension;
}

// Invariant: cmark-gfm's registry is written only here, inside a function-local static's
// initialisation (which C++ runs once, other threads waiting); afterwards it is only read.
const Extensions& extensions() {
  static const Extensions registered = [] {
    cmark_gfm_core_extensions_ensure_registered();
    return Extensions{find_extension("table"), find_extension("strikethrough"),
                      find_extension("tasklist"), make_any_inline()};
  }();
  return registered;
}

}  // namespace

void attach_gfm_extensions(cmark_parser* parser) {
  const Extensions& ext = extensions();
  cmark_parser_attach_syntax_extension(parser, ext.table);
  cmark_parser_attach_syntax_extension(parser, ext.strikethrough);
  cmark_parser_attach_syntax_extension(parser, ext.tasklist);
}

bool is_strikethrough(cmark_node_type type) { return type == CMARK_NODE_STRIKETHROUGH; }

bool is_task_item(cmark_node* node) {
  return cmark_node_get_syntax_extension(node) == extensions().tasklist;
}

// Invariant: a cell's extension decides only what may be inserted in it (cmark-gfm asks it at
// insertion time, never later) and how it is written; cells carry no extension data of their own
// (the table's and the rows' hang on those nodes), so lending and taking back loses nothing.
bool insert_inline_before(cmark_node* sibling, cmark_node* node) {
  cmark_node* parent = cmark_node_parent(sibling);
  if (parent == nullptr || cmark_node_get_type(parent) != CMARK_NODE_TABLE_CELL) {
    return cmark_node_insert_before(sibling, node) != 0;
  }
  cmark_syntax_extension* own = cmark_node_get_syntax_extension(parent);
  cmark_node_set_syntax_extension(parent, extensions().any_inline);
  bool inserted = cmark_node_insert_before(sibling, node) != 0;
  cmark_node_set_syntax_extension(parent, own);
  return inserted;
}

}  // namespace kidwiki::engine

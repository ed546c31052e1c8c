#include "render/render_gfm_extensions.h"

#include <cmark-gfm-core-extensions.h>

#include <cstdio>
#include <cstdlib>

// Defined and exported by libcmark-gfm-extensions (its extensions/strikethrough.h, a header Debian
// does not install); numbered when the core extensions are registered.
extern "C" cmark_node_type CMARK_NODE_STRIKETHROUGH;

namespace kidwiki::engine {
namespace {

struct Extensions {
  cmark_syntax_extension* table;
  cmark_syntax_extension* strikethrough;
  cmark_syntax_extension* tasklist;
};

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
                      find_extension("tasklist")};
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

}  // namespace kidwiki::engine

#include "render/render_featured.h"

#include <string_view>

#include "render/render_cmark_tree.h"

namespace kidwiki::engine {

void drop_featured_lists(cmark_node* document) {
  for (cmark_node* node = cmark_node_first_child(document); node != nullptr;) {
    cmark_node* next = cmark_node_next(node);
    if (cmark_node_get_type(node) == CMARK_NODE_CODE_BLOCK) {
      const char* info = cmark_node_get_fence_info(node);
      if (info != nullptr && std::string_view(info) == "featured") remove_node(node);
    }
    node = next;
  }
}

}  // namespace kidwiki::engine

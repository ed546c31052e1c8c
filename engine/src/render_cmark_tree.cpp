#include "render_cmark_tree.h"

namespace kidwiki::engine {

CmarkNodePtr parse_commonmark(std::string_view markdown) {
  return CmarkNodePtr(cmark_parse_document(markdown.data(), markdown.size(), kCmarkOptions));
}

std::string render_cmark_html(cmark_node* node) {
  char* html = cmark_render_html(node, kCmarkOptions);
  std::string out(html);
  cmark_get_default_mem_allocator()->free(html);
  return out;
}

std::string_view literal_of(cmark_node* node) {
  const char* literal = cmark_node_get_literal(node);
  return literal == nullptr ? std::string_view() : std::string_view(literal);
}

cmark_node* new_text_node(std::string_view text) {
  cmark_node* node = cmark_node_new(CMARK_NODE_TEXT);
  cmark_node_set_literal(node, std::string(text).c_str());
  return node;
}

cmark_node* new_custom_inline(const std::string& on_enter, const std::string& on_exit) {
  cmark_node* node = cmark_node_new(CMARK_NODE_CUSTOM_INLINE);
  cmark_node_set_on_enter(node, on_enter.c_str());
  cmark_node_set_on_exit(node, on_exit.c_str());
  return node;
}

cmark_node* new_custom_block(const std::string& on_enter) {
  cmark_node* node = cmark_node_new(CMARK_NODE_CUSTOM_BLOCK);
  cmark_node_set_on_enter(node, on_enter.c_str());
  return node;
}

void move_children(cmark_node* from, cmark_node* to) {
  while (cmark_node* child = cmark_node_first_child(from)) {
    cmark_node_unlink(child);
    cmark_node_append_child(to, child);
  }
}

void replace_by_children(cmark_node* node) {
  while (cmark_node* child = cmark_node_first_child(node)) {
    cmark_node_unlink(child);
    cmark_node_insert_before(node, child);
  }
  remove_node(node);
}

void replace_node(cmark_node* old_node, cmark_node* new_node) {
  cmark_node_replace(old_node, new_node);
  cmark_node_free(old_node);
}

void remove_node(cmark_node* node) {
  cmark_node_unlink(node);
  cmark_node_free(node);
}

}  // namespace kidwiki::engine

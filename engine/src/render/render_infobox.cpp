#include "render/render_infobox.h"

#include <string>
#include <string_view>
#include <vector>

#include "i18n/escape.h"
#include "i18n/text.h"
#include "render/render_cmark_tree.h"
#include "render/render_pictures.h"

namespace kidwiki::engine {
namespace {

struct Row {
  std::string label;  // empty for a line without ": "
  std::string value;
};

struct Infobox {
  std::string title;
  std::string image;
  std::string caption;
  std::vector<Row> rows;
};

std::string_view trimmed(std::string_view s) {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\t')) s.remove_prefix(1);
  while (!s.empty() && (s.back() == ' ' || s.back() == '\t' || s.back() == '\r')) s.remove_suffix(1);
  return s;
}

bool is_key(const std::string& folded, std::initializer_list<std::string_view> names) {
  for (std::string_view name : names) {
    if (folded == name) return true;
  }
  return false;
}

Infobox read_infobox(std::string_view text) {
  Infobox box;
  while (!text.empty()) {
    const std::size_t end = text.find('\n');
    const std::string_view line = trimmed(text.substr(0, end));
    text = end == std::string_view::npos ? std::string_view() : text.substr(end + 1);
    if (line.empty()) continue;
    const std::size_t colon = line.find(": ");
    Row row;
    if (colon == std::string_view::npos || colon == 0) {
      row.value = std::string(line);
    } else {
      row.label = std::string(trimmed(line.substr(0, colon)));
      row.value = std::string(trimmed(line.substr(colon + 2)));
    }
    const std::string key = i18n::fold_case(row.label);
    if (is_key(key, {"title", "titre"})) {
      box.title = row.value;
    } else if (is_key(key, {"image", "picture"})) {
      box.image = row.value;
    } else if (is_key(key, {"caption", "légende"})) {
      box.caption = row.value;
    } else if (static_cast<int>(box.rows.size()) < kMaxInfoboxRows) {
      box.rows.push_back(std::move(row));
    }
  }
  return box;
}

cmark_node* block(const std::string& on_enter, const std::string& on_exit) {
  cmark_node* node = new_custom_block(on_enter);
  cmark_node_set_on_exit(node, on_exit.c_str());
  return node;
}

std::string escaped(std::string_view text) {
  std::string out;
  i18n::append_html_escaped(out, text);
  return out;
}

// The value's Markdown, parsed on its own, as the content of `cell`: its paragraph, which the
// survey then walks with the rest of the page. The paragraph moves whole, because its text nodes
// point into the paragraph's own buffer (cmark's inlines do not copy their text).
void fill_cell(cmark_node* cell, const std::string& value) {
  CmarkNodePtr parsed = parse_commonmark(value);
  cmark_node* paragraph = cmark_node_first_child(parsed.get());
  if (paragraph == nullptr) return;
  if (cmark_node_get_type(paragraph) == CMARK_NODE_PARAGRAPH) {
    cmark_node_unlink(paragraph);
    cmark_node_append_child(cell, paragraph);
    return;
  }
  // A value that Markdown reads as a block of its own ("# 1", "- a", "<div>"): kept as its text.
  cmark_node* kept = cmark_node_new_with_mem(CMARK_NODE_PARAGRAPH, cmark_memory());
  cmark_node_append_child(kept, new_text_node(value));
  cmark_node_append_child(cell, kept);
}

cmark_node* picture_row(const Infobox& box, const RenderContext& context, RenderResult& result) {
  auto title = picture_address(box.image, context);
  if (!title) return nullptr;
  record_picture(result, *title);
  std::string html = "<tr><td colspan=\"2\" class=\"infobox-picture\">" +
                     picture_placeholder(*title, box.caption.empty() ? box.title : box.caption);
  if (!box.caption.empty()) html += "<div class=\"infobox-caption\">" + escaped(box.caption) + "</div>";
  return new_custom_block(html + "</td></tr>\n");
}

cmark_node* row_node(const Row& row) {
  const std::string start = row.label.empty()
                                ? "<tr><td colspan=\"2\">"
                                : "<tr><th scope=\"row\">" + escaped(row.label) + "</th><td>";
  cmark_node* node = block(start, "</td></tr>\n");
  fill_cell(node, row.value);
  return node;
}

cmark_node* table_of(const Infobox& box, const RenderContext& context, RenderResult& result) {
  std::string start = "<table class=\"infobox\">";
  if (!box.title.empty()) start += "<caption>" + escaped(box.title) + "</caption>";
  cmark_node* table = block(start + "<tbody>\n", "</tbody></table>\n");
  if (!box.image.empty()) {
    if (cmark_node* picture = picture_row(box, context, result)) {
      cmark_node_append_child(table, picture);
    }
  }
  for (const Row& row : box.rows) cmark_node_append_child(table, row_node(row));
  return table;
}

bool is_infobox(cmark_node* node) {
  if (cmark_node_get_type(node) != CMARK_NODE_CODE_BLOCK) return false;
  const char* info = cmark_node_get_fence_info(node);
  return info != nullptr && trimmed(info) == "infobox";
}

}  // namespace

void build_infoboxes(cmark_node* document, const RenderContext& context, RenderResult& result) {
  for (cmark_node* node = cmark_node_first_child(document); node != nullptr;) {
    cmark_node* next = cmark_node_next(node);
    if (is_infobox(node)) {
      replace_node(node, table_of(read_infobox(literal_of(node)), context, result));
    }
    node = next;
  }
}

}  // namespace kidwiki::engine

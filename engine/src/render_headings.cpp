#include "render_headings.h"

#include <unordered_map>
#include <unordered_set>

#include "render_cmark_tree.h"
#include "render_escape.h"

namespace kidwiki::engine {
namespace {

bool is_space(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f'; }

class AnchorNames {
 public:
  std::string unique(std::string base) {
    if (base.empty()) base = "section";
    std::string name = base;
    int& suffix = next_suffix_[base];
    while (!used_.insert(name).second) name = base + "_" + std::to_string(++suffix + 1);
    return name;
  }

 private:
  std::unordered_set<std::string> used_;
  std::unordered_map<std::string, int> next_suffix_;
};

// cmark's HTML for a heading whose children are all text, line breaks or childless custom nodes
// (wiki links), written as cmark writes them; false for anything else (emphasis, code, ...),
// with part of the HTML already appended.
bool append_simple_inline_html(std::string& out, cmark_node* heading) {
  for (cmark_node* child = cmark_node_first_child(heading); child != nullptr;
       child = cmark_node_next(child)) {
    switch (cmark_node_get_type(child)) {
      case CMARK_NODE_TEXT:
        append_text_escaped(out, literal_of(child));
        break;
      case CMARK_NODE_SOFTBREAK:
        out += '\n';
        break;
      case CMARK_NODE_CUSTOM_INLINE:
        if (cmark_node_first_child(child) != nullptr) return false;
        out += cmark_node_get_on_enter(child);
        out += cmark_node_get_on_exit(child);
        break;
      default:
        return false;
    }
  }
  return true;
}

// cmark writes "<hN>inner</hN>\n"; the block keeps that and only adds the id. A separate cmark
// render per heading costs more than the rest of the heading pass: it is the fallback only.
cmark_node* anchored_block(cmark_node* heading, const std::string& anchor) {
  std::string tag = "<h" + std::to_string(cmark_node_get_heading_level(heading));
  std::string html = tag + " id=\"" + html_escaped(anchor) + "\"";
  std::size_t open_tag_size = html.size();
  html += '>';
  if (append_simple_inline_html(html, heading)) {
    html += "</" + tag.substr(1) + ">\n";
  } else {
    html.resize(open_tag_size);  // drop what the quick path wrote before it gave up
    html += render_cmark_html(heading).substr(tag.size());
  }
  return new_custom_block(html);
}

void add_toc_entry(std::string& out, std::vector<int>& open_levels, const Heading& heading) {
  if (open_levels.empty() || heading.level > open_levels.back()) {
    out += "<ul>\n";
    open_levels.push_back(heading.level);
  } else {
    out += "</li>\n";
    // Close the sublists this heading climbs out of; an uneven jump joins the nearest list.
    while (open_levels.size() > 1 && open_levels[open_levels.size() - 2] >= heading.level) {
      open_levels.pop_back();
      out += "</ul></li>\n";
    }
    open_levels.back() = heading.level;
  }
  out += "<li><a href=\"#" + html_escaped(heading.anchor) + "\">" + html_escaped(heading.text) +
         "</a>";
}

std::string table_of_contents(const std::vector<Heading>& headings, std::string_view title) {
  std::string out = "<nav class=\"toc\">\n<p class=\"toc-title\">" + html_escaped(title) + "</p>\n";
  std::vector<int> open_levels;
  for (const Heading& heading : headings) add_toc_entry(out, open_levels, heading);
  for (std::size_t i = 0; i < open_levels.size(); ++i) out += "</li>\n</ul>\n";
  return out + "</nav>\n";
}

cmark_node* top_level_block(cmark_node* node) {
  while (cmark_node_get_type(cmark_node_parent(node)) != CMARK_NODE_DOCUMENT) {
    node = cmark_node_parent(node);
  }
  return node;
}

}  // namespace

std::string anchor_of(std::string_view text) {
  std::string anchor;
  bool pending_space = false;
  for (char c : text) {
    if (is_space(c)) {
      pending_space = !anchor.empty();
      continue;
    }
    if (pending_space) anchor += '_';
    pending_space = false;
    anchor += c;
  }
  return anchor;
}

std::vector<Heading> anchor_headings(const std::vector<SurveyedHeading>& surveyed,
                                     std::string_view toc_title) {
  std::vector<Heading> headings;
  AnchorNames names;
  cmark_node* first_block = nullptr;
  for (const auto& [node, text] : surveyed) {
    Heading heading{cmark_node_get_heading_level(node), text, names.unique(anchor_of(text))};
    cmark_node* block = anchored_block(node, heading.anchor);
    replace_node(node, block);
    if (first_block == nullptr) first_block = top_level_block(block);
    headings.push_back(std::move(heading));
  }
  if (headings.size() >= kTocMinHeadings) {
    cmark_node_insert_before(first_block, new_custom_block(table_of_contents(headings, toc_title)));
  }
  return headings;
}

}  // namespace kidwiki::engine

#include "render/render_headings.h"

#include <unordered_map>
#include <unordered_set>

#include "render/render_cmark_tree.h"
#include "i18n/escape.h"

namespace kidwiki::engine {
namespace {

bool is_space(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f'; }

class AnchorNames {
 public:
  std::string unique(std::string base) {
    if (base.empty()) base = "section";
    if (used_.insert(base).second) return base;  // the usual case: no suffix to count
    int& suffix = next_suffix_[base];
    std::string name;
    do {
      name = base + "_" + std::to_string(++suffix + 1);
    } while (!used_.insert(name).second);
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
        i18n::append_text_escaped(out, literal_of(child));
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
  char level = static_cast<char>('0' + cmark_node_get_heading_level(heading));  // 1 to 6
  std::string html = "<h";
  html += level;
  html += " id=\"";
  i18n::append_html_escaped(html, anchor);
  html += '"';
  std::size_t open_tag_size = html.size();
  html += '>';
  if (append_simple_inline_html(html, heading)) {
    html += "</h";
    html += level;
    html += ">\n";
  } else {
    html.resize(open_tag_size);  // drop what the quick path wrote before it gave up
    html += std::string_view(render_cmark_html(heading)).substr(3);  // after "<hN"
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
  out += "<li><a href=\"#";
  i18n::append_html_escaped(out, heading.anchor);
  out += "\">";
  i18n::append_html_escaped(out, heading.text);
  out += "</a>";
}

std::string table_of_contents(const std::vector<Heading>& headings, std::string_view title) {
  std::string out = "<nav class=\"toc\">\n<p class=\"toc-title\">";
  i18n::append_html_escaped(out, title);
  out += "</p>\n";
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

std::vector<Heading> anchor_headings(std::vector<SurveyedHeading> surveyed,
                                     std::string_view toc_title) {
  std::vector<Heading> headings;
  headings.reserve(surveyed.size());
  AnchorNames names;
  cmark_node* first_block = nullptr;
  for (auto& [node, text] : surveyed) {
    std::string anchor = names.unique(anchor_of(text));
    Heading heading{cmark_node_get_heading_level(node), std::move(text), std::move(anchor)};
    cmark_node* block = anchored_block(node, heading.anchor);
    replace_node(node, block);
    if (first_block == nullptr) first_block = top_level_block(block);
    headings.push_back(std::move(heading));
  }
  if (headings.size() >= kTocMinHeadings) {
    insert_before(first_block, new_custom_block(table_of_contents(headings, toc_title)));
  }
  return headings;
}

}  // namespace kidwiki::engine

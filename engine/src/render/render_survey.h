// The one walk over the freshly parsed tree: it measures nesting, hands each run of text to the
// wiki link pass, reads the plain text, and finds the nodes later passes edit.
//
// Why one walk: a 1 MB text parses into hundreds of thousands of nodes, far more than the CPU
// cache holds, so every walk costs a cache miss per node, about a tenth of cmark's own work. The
// renderer's budget (1.3 times cmark's time) leaves room for this walk and cmark's HTML writer.
#pragma once

#include <cmark-gfm.h>

#include <string>
#include <string_view>
#include <vector>

namespace kidwiki::engine {

// Receives every run of adjacent text nodes outside links and images, once, in document order.
class TextRunVisitor {
 public:
  virtual ~TextRunVisitor() = default;
  // `first` to `last` are adjacent siblings whose literals joined make `text`. The visitor may
  // replace or free them (nodes it inserts are not walked) and must append to `plain` what a
  // reader will read of them.
  virtual void visit_run(cmark_node* first, cmark_node* last, std::string_view text,
                         std::string& plain) = 0;
};

struct SurveyedHeading {
  cmark_node* node;
  std::string text;  // plain text, trimmed
};

struct TreeSurvey {
  // Some node sits inside more than the allowed number of nested block quotes, lists, emphasis,
  // strong emphasis, strikethrough, links or images (a list item is the same level as its list; paragraphs and
  // headings do not nest). When set, the walk stopped there and the rest is incomplete.
  bool too_deep = false;
  // Text, inline code, code blocks and the labels of links and images, in order. A soft line
  // break reads as a space; a hard break and the end of each block as one newline. Raw HTML and
  // custom nodes' markup are left out; spaces before a newline and trailing newlines trimmed.
  std::string plain_text;
  std::vector<cmark_node*> links_and_images;  // Markdown's own, in document order
  std::vector<cmark_node*> task_items;        // list items with a box, in document order
  std::vector<SurveyedHeading> headings;
};

// Iterative: a tree of any depth is walked without deep recursion. `source_size`, the Markdown's
// length, bounds the plain text, which is allocated once: growing a string of megabytes while
// freeing many small nodes makes malloc consolidate its free lists again and again.
TreeSurvey survey_tree(cmark_node* root, int max_levels, TextRunVisitor& visitor,
                       std::size_t source_size);

}  // namespace kidwiki::engine

#include "render/render_survey.h"

#include "render/render_cmark_tree.h"
#include "render/render_gfm_extensions.h"

namespace kidwiki::engine {
namespace {

bool counts_as_level(cmark_node_type type) {
  switch (type) {
    case CMARK_NODE_BLOCK_QUOTE:
    case CMARK_NODE_LIST:
    case CMARK_NODE_EMPH:
    case CMARK_NODE_STRONG:
    case CMARK_NODE_LINK:
    case CMARK_NODE_IMAGE:
      return true;
    default:
      return is_strikethrough(type);
  }
}

bool is_text(cmark_node* node) {
  return node != nullptr && cmark_node_get_type(node) == CMARK_NODE_TEXT;
}

std::string_view trimmed_spaces(std::string_view s) {
  while (!s.empty() && s.front() == ' ') s.remove_prefix(1);
  while (!s.empty() && s.back() == ' ') s.remove_suffix(1);
  return s;
}

class Survey {
 public:
  Survey(int max_levels, TextRunVisitor& visitor, std::size_t source_size)
      : max_levels_(max_levels), visitor_(visitor) {
    survey_.plain_text.reserve(source_size);
  }
  // False once the tree is found too deep.
  bool visit(cmark_node* node, bool entering);
  TreeSurvey finish();

 private:
  void visit_text(cmark_node* node);
  void visit_block(cmark_node* node, cmark_node_type type, bool entering);
  void end_line();

  int max_levels_;
  TextRunVisitor& visitor_;
  TreeSurvey survey_;
  int depth_ = 0;
  int inside_links_ = 0;
  cmark_node* run_first_ = nullptr;
  std::string run_text_;
  std::size_t heading_start_ = 0;
};

bool Survey::visit(cmark_node* node, bool entering) {
  cmark_node_type type = cmark_node_get_type(node);
  if (counts_as_level(type)) depth_ += entering ? 1 : -1;
  if (depth_ > max_levels_) {
    survey_.too_deep = true;
    return false;
  }
  switch (type) {
    case CMARK_NODE_TEXT:
      visit_text(node);  // may free `node`: nothing below may touch it
      return true;
    case CMARK_NODE_LINK:
    case CMARK_NODE_IMAGE:
      inside_links_ += entering ? 1 : -1;
      if (entering) survey_.links_and_images.push_back(node);
      return true;
    case CMARK_NODE_CODE:
      survey_.plain_text += literal_of(node);
      return true;
    case CMARK_NODE_SOFTBREAK:
      survey_.plain_text += ' ';
      return true;
    case CMARK_NODE_LINEBREAK:
      survey_.plain_text += '\n';
      return true;
    default:
      visit_block(node, type, entering);
      return true;
  }
}

void Survey::visit_text(cmark_node* node) {
  if (inside_links_ > 0) {
    survey_.plain_text += literal_of(node);
    return;
  }
  bool starts_run = !is_text(cmark_node_previous(node));
  bool ends_run = !is_text(cmark_node_next(node));
  if (starts_run && ends_run) {  // the usual case, since cmark merges adjacent text: no copy
    visitor_.visit_run(node, node, literal_of(node), survey_.plain_text);
    return;
  }
  if (starts_run) {
    run_first_ = node;
    run_text_.clear();
  }
  run_text_ += literal_of(node);
  if (ends_run) visitor_.visit_run(run_first_, node, run_text_, survey_.plain_text);
}

void Survey::visit_block(cmark_node* node, cmark_node_type type, bool entering) {
  // Extension blocks (tables, their rows and cells) count: a cell's text ends its own line.
  if ((type & CMARK_NODE_TYPE_MASK) != CMARK_NODE_TYPE_BLOCK) return;
  if (type == CMARK_NODE_CODE_BLOCK) {
    end_line();
    survey_.plain_text += literal_of(node);
  } else if (type == CMARK_NODE_HEADING && entering) {
    end_line();
    heading_start_ = survey_.plain_text.size();
  } else if (type == CMARK_NODE_ITEM && entering && is_task_item(node)) {
    survey_.task_items.push_back(node);
  } else if (type == CMARK_NODE_HEADING) {
    std::string_view text = std::string_view(survey_.plain_text).substr(heading_start_);
    survey_.headings.push_back({node, std::string(trimmed_spaces(text))});
  }
  // Leaf blocks get only an enter event, containers end on exit: either way the block is over.
  if (!entering || cmark_node_first_child(node) == nullptr) end_line();
}

void Survey::end_line() {
  std::string& plain = survey_.plain_text;
  while (!plain.empty() && plain.back() == ' ') plain.pop_back();
  if (!plain.empty() && plain.back() != '\n') plain += '\n';
}

TreeSurvey Survey::finish() {
  while (!survey_.plain_text.empty() && survey_.plain_text.back() == '\n') {
    survey_.plain_text.pop_back();
  }
  return std::move(survey_);
}

}  // namespace

TreeSurvey survey_tree(cmark_node* root, int max_levels, TextRunVisitor& visitor,
                       std::size_t source_size) {
  Survey survey(max_levels, visitor, source_size);
  cmark_iter* iter = cmark_iter_new(root);
  cmark_event_type event;
  // cmark allows freeing a leaf right after its enter event: the iterator has already moved on.
  while ((event = cmark_iter_next(iter)) != CMARK_EVENT_DONE) {
    if (!survey.visit(cmark_iter_get_node(iter), event == CMARK_EVENT_ENTER)) break;
  }
  cmark_iter_free(iter);
  return survey.finish();
}

}  // namespace kidwiki::engine

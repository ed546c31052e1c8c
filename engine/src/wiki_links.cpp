#include "wiki_links.h"

#include "link_placeholder.h"
#include "render_cmark_tree.h"
#include "render_escape.h"

namespace kidwiki::engine {
namespace {

bool is_blank_inline(cmark_node* node) {
  cmark_node_type type = cmark_node_get_type(node);
  if (type == CMARK_NODE_SOFTBREAK || type == CMARK_NODE_LINEBREAK) return true;
  return type == CMARK_NODE_TEXT &&
         literal_of(node).find_first_not_of(" \t") == std::string_view::npos;
}

void tidy_container(cmark_node* container) {
  while (cmark_node* last = cmark_node_last_child(container)) {
    if (!is_blank_inline(last)) break;
    remove_node(last);
  }
  while (cmark_node* first = cmark_node_first_child(container)) {
    if (!is_blank_inline(first)) break;
    remove_node(first);
  }
  if (cmark_node_get_type(container) == CMARK_NODE_PARAGRAPH &&
      cmark_node_first_child(container) == nullptr) {
    remove_node(container);
  }
}

}  // namespace

void WikiLinks::visit_run(cmark_node* first, cmark_node* last, std::string_view text,
                          std::string& plain) {
  std::vector<Found> found;
  if (text.find("[[") != std::string_view::npos) found = find(text);
  if (found.empty()) {
    plain += text;
    return;
  }
  replace_run(first, last, text, found, plain);
}

// One pass: "[[" opens (the last of "[[[" wins), the next "]]" closes. Candidates never overlap,
// so parsing them all costs no more than the text's length.
std::vector<WikiLinks::Found> WikiLinks::find(std::string_view text) {
  std::vector<Found> found;
  std::size_t open = std::string_view::npos;
  for (std::size_t i = 0; i + 1 < text.size(); ++i) {
    if (text[i] == '[' && text[i + 1] == '[') {
      open = i;
    } else if (text[i] == ']' && text[i + 1] == ']' && open != std::string_view::npos) {
      if (const Target* target = target_of(text.substr(open + 2, i - open - 2))) {
        found.push_back({open, i + 2, target});
      }
      open = std::string_view::npos;
      ++i;
    }
  }
  return found;
}

const WikiLinks::Target* WikiLinks::target_of(std::string_view inner) {
  auto entry = targets_.find(inner);
  if (entry == targets_.end()) {
    std::optional<Target> parsed;
    if (auto target = parse_wiki_target(inner, context_)) {
      std::string opening = opening_tag(*target);
      parsed = Target{std::move(*target), std::move(opening)};
    }
    entry = targets_.emplace(std::string(inner), std::move(parsed)).first;
  }
  return entry->second ? &*entry->second : nullptr;
}

void WikiLinks::replace_run(cmark_node* first, cmark_node* last, std::string_view text,
                            const std::vector<Found>& found, std::string& plain) {
  std::size_t pos = 0;
  bool removed_any = false;
  auto add_text = [&](std::string_view piece) {
    cmark_node_insert_before(first, new_text_node(piece));
    plain += piece;
  };
  for (const Found& link : found) {
    if (link.begin > pos) add_text(text.substr(pos, link.begin - pos));
    const WikiTarget& target = link.target->target;
    if (link.target->opening.empty()) {
      removed_any = true;
    } else {
      cmark_node* node = new_custom_inline(link.target->opening, "</a>");
      cmark_node_append_child(node, new_text_node(target.label));
      cmark_node_insert_before(first, node);
      plain += target.label;
    }
    record(target);
    pos = link.end;
  }
  if (pos < text.size()) add_text(text.substr(pos));
  cmark_node* parent = cmark_node_parent(first);
  cmark_node* end = cmark_node_next(last);
  while (first != end) {
    cmark_node* next = cmark_node_next(first);
    remove_node(first);
    first = next;
  }
  if (removed_any && touched_set_.insert(parent).second) touched_.push_back(parent);
}

// Empty for targets that show nothing inline (categories, other languages).
std::string WikiLinks::opening_tag(const WikiTarget& target) {
  switch (target.kind) {
    case WikiTarget::Kind::page:
      return make_link_placeholder(target.title, target.fragment);
    case WikiTarget::Kind::section:
      return "<a href=\"#" + html_escaped(target.fragment) + "\">";
    case WikiTarget::Kind::category:
    case WikiTarget::Kind::language:
      break;
  }
  return "";
}

void WikiLinks::record(const WikiTarget& target) {
  switch (target.kind) {
    case WikiTarget::Kind::page:
      if (links_.insert(target.title).second) result_.links.push_back(target.title);
      break;
    case WikiTarget::Kind::category:
      if (categories_.insert(target.title.text).second) {
        result_.categories.push_back(target.title.text);
      }
      break;
    case WikiTarget::Kind::language:
      if (langlinks_.emplace(target.langlink.lang, target.langlink.title).second) {
        result_.langlinks.push_back(target.langlink);
      }
      break;
    case WikiTarget::Kind::section:
      break;
  }
}

void WikiLinks::tidy() {
  for (cmark_node* container : touched_) tidy_container(container);
}

}  // namespace kidwiki::engine

#include "render/wiki_links.h"

#include "render/link_placeholder.h"
#include "render/render_cmark_tree.h"
#include "i18n/escape.h"

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
  std::size_t open = text.find("[[");
  if (open != std::string_view::npos) find(text, open);
  if (open == std::string_view::npos || found_.empty()) {
    plain += text;
    return;
  }
  replace_run(first, last, text, plain);
}

// "[[" opens (the last of "[[[" wins), the next "]]" closes. Candidates never overlap, so parsing
// them all costs no more than the text's length; the searches are memchr's, not a byte loop.
void WikiLinks::find(std::string_view text, std::size_t from) {
  found_.clear();
  for (std::size_t open = from; open != std::string_view::npos; open = text.find("[[", from)) {
    std::size_t close = text.find("]]", open + 2);
    if (close == std::string_view::npos) return;
    open = text.rfind("[[", close - 2);  // the last opening before the close
    std::uint32_t index = target_of(text.substr(open + 2, close - open - 2));
    if (index != kInvalid) found_.push_back({open, close + 2, index});
    from = close + 2;
  }
}

std::uint32_t WikiLinks::target_of(std::string_view inner) {
  std::size_t hash = ViewTable::hash(inner);
  std::uint32_t index = targets_.find(inner, hash);
  if (index != ViewTable::kAbsent) return index;
  inner = arena_.keep(inner);  // the label is a view into it
  index = kInvalid;
  if (parse_wiki_target(inner, context_, scratch_)) {
    keep_target(next_target());
    index = target_count_++;
  }
  targets_.insert(inner, hash, index);
  return index;
}

WikiLinks::Target& WikiLinks::target_at(std::uint32_t index) {
  return target_blocks_[index / kTargetsPerBlock][index % kTargetsPerBlock];
}

WikiLinks::Target& WikiLinks::next_target() {
  if (target_count_ == target_blocks_.size() * kTargetsPerBlock) {
    target_blocks_.push_back(std::make_unique<Target[]>(kTargetsPerBlock));
  }
  return target_at(target_count_);
}

void WikiLinks::replace_run(cmark_node* first, cmark_node* last, std::string_view text,
                            std::string& plain) {
  bool removes_any = false;
  for (const Found& link : found_) removes_any = removes_any || target_at(link.index).html.empty();
  if (removes_any) {
    replace_run_by_nodes(first, last, text, plain);
  } else {
    replace_run_by_html(first, last, text, plain);
  }
  for (const Found& link : found_) {
    Target& target = target_at(link.index);
    if (!target.recorded) record(target);
    target.recorded = true;
  }
}

// The usual run: every link shows inline. One custom node writes the whole run as cmark would
// have written its pieces (text escaped as cmark escapes text, each link as its HTML), which costs
// one node instead of one per piece.
void WikiLinks::replace_run_by_html(cmark_node* first, cmark_node* last, std::string_view text,
                                    std::string& plain) {
  html_.clear();
  std::size_t pos = 0;
  for (const Found& link : found_) {
    const Target& target = target_at(link.index);
    std::string_view before = text.substr(pos, link.begin - pos);
    i18n::append_text_escaped(html_, before);
    html_ += target.html;
    plain += before;
    plain += target.label;
    pos = link.end;
  }
  i18n::append_text_escaped(html_, text.substr(pos));
  plain += text.substr(pos);
  cmark_node* node = cmark_node_new_with_mem(CMARK_NODE_CUSTOM_INLINE, cmark_memory());
  cmark_node_set_on_enter(node, html_.c_str());
  insert_before(first, node);
  remove_nodes(first, cmark_node_next(last));
}

// A run that loses links (categories, other languages) keeps its text as text nodes, so that
// tidy() can find the blanks they leave at either end of their container.
void WikiLinks::replace_run_by_nodes(cmark_node* first, cmark_node* last, std::string_view text,
                                     std::string& plain) {
  std::size_t pos = 0;
  for (const Found& link : found_) {
    const Target& target = target_at(link.index);
    if (link.begin > pos) insert_text(first, text.substr(pos, link.begin - pos));
    plain.append(text.data() + pos, link.begin - pos);
    if (!target.html.empty()) {
      cmark_node* node = cmark_node_new_with_mem(CMARK_NODE_CUSTOM_INLINE, cmark_memory());
      literal_.assign(target.html);  // cmark wants a C string
      cmark_node_set_on_enter(node, literal_.c_str());
      insert_before(first, node);
      plain += target.label;
    }
    pos = link.end;
  }
  plain += text.substr(pos);
  cmark_node* parent = cmark_node_parent(first);
  cmark_node* end = cmark_node_next(last);
  // The run's first node, behind everything inserted, carries the text after the last link.
  // Copied first: `text` may be that node's own literal.
  cmark_node* node = first;
  if (pos < text.size()) {
    literal_.assign(text.substr(pos));
    cmark_node_set_literal(first, literal_.c_str());
    node = cmark_node_next(first);
  }
  remove_nodes(node, end);
  if (touched_set_.insert(parent).second) touched_.push_back(parent);
}

void WikiLinks::remove_nodes(cmark_node* node, cmark_node* end) {
  while (node != end) {
    cmark_node* next = cmark_node_next(node);
    remove_node(node);
    node = next;
  }
}

void WikiLinks::insert_text(cmark_node* before, std::string_view text) {
  literal_.assign(text);
  cmark_node* node = cmark_node_new_with_mem(CMARK_NODE_TEXT, cmark_memory());
  cmark_node_set_literal(node, literal_.c_str());
  insert_before(before, node);
}

void WikiLinks::keep_target(Target& entry) {
  entry.kind = scratch_.kind;
  entry.ns = scratch_.title.ns;
  entry.label = scratch_.label;  // already a view into the arena
  if (scratch_.kind == WikiTarget::Kind::language) {
    entry.lang = arena_.keep(scratch_.langlink.lang);
    entry.name = arena_.keep(scratch_.langlink.title);
  } else if (scratch_.kind != WikiTarget::Kind::section) {
    entry.name = arena_.keep(scratch_.title.text);
  }
  write_link_html(entry);
}

void WikiLinks::write_link_html(Target& entry) {
  html_.clear();
  PlaceholderKey key{0, 0};
  switch (scratch_.kind) {
    case WikiTarget::Kind::page:
      key = append_link_placeholder(html_, scratch_.title, scratch_.fragment);
      break;
    case WikiTarget::Kind::section:
      html_ += "<a href=\"#";
      i18n::append_html_escaped(html_, scratch_.fragment);
      html_ += "\">";
      break;
    case WikiTarget::Kind::category:
    case WikiTarget::Kind::language:
      return;
  }
  i18n::append_text_escaped(html_, scratch_.label);
  html_ += "</a>";
  entry.html = arena_.keep(html_);
  entry.page_key = entry.html.substr(key.offset, key.size);
}

void WikiLinks::record(const Target& entry) {
  switch (entry.kind) {
    case WikiTarget::Kind::page: {
      std::size_t hash = ViewTable::hash(entry.page_key);
      if (links_.find(entry.page_key, hash) == ViewTable::kAbsent) {
        links_.insert(entry.page_key, hash, 0);
        result_.links.push_back(Title{entry.ns, std::string(entry.name)});
      }
      break;
    }
    case WikiTarget::Kind::category:
      if (categories_.emplace(entry.name).second) result_.categories.emplace_back(entry.name);
      break;
    case WikiTarget::Kind::language:
      if (langlinks_.emplace(entry.lang, entry.name).second) {
        result_.langlinks.push_back(LangLink{std::string(entry.lang), std::string(entry.name)});
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

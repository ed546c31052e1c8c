#include "render_url_policy.h"

#include <string>
#include <vector>

#include "render_cmark_tree.h"
#include "render_escape.h"

namespace kidwiki::engine {
namespace {

bool is_ascii_alpha(char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }

// What a browser's URL parser sees: C0 controls and spaces trimmed, tab and newlines removed.
std::string browser_view(std::string_view url) {
  while (!url.empty() && static_cast<unsigned char>(url.front()) <= 0x20) url.remove_prefix(1);
  while (!url.empty() && static_cast<unsigned char>(url.back()) <= 0x20) url.remove_suffix(1);
  std::string seen;
  for (char c : url) {
    if (c != '\t' && c != '\n' && c != '\r') seen += c;
  }
  return seen;
}

// The lower-cased scheme, or empty when the URL is relative.
std::string scheme_of(std::string_view url) {
  if (url.empty() || !is_ascii_alpha(url[0])) return "";
  std::string scheme;
  for (char c : url) {
    if (c == ':') return scheme;
    bool allowed = is_ascii_alpha(c) || (c >= '0' && c <= '9') || c == '+' || c == '-' || c == '.';
    if (!allowed) return "";
    scheme += static_cast<char>(c | 0x20);
  }
  return "";
}

std::string link_opening_tag(cmark_node* link, LinkKind kind) {
  std::string tag = "<a href=\"" + href_escaped(browser_view(cmark_node_get_url(link))) + "\"";
  std::string_view title = cmark_node_get_title(link);
  if (!title.empty()) tag += " title=\"" + html_escaped(title) + "\"";
  if (kind == LinkKind::external) tag += " rel=\"nofollow noopener noreferrer\" class=\"external\"";
  return tag + ">";
}

void apply_to_link(cmark_node* link) {
  LinkKind kind = classify_link_url(cmark_node_get_url(link));
  if (kind == LinkKind::refused) {
    replace_by_children(link);
    return;
  }
  cmark_node* anchor = new_custom_inline(link_opening_tag(link, kind), "</a>");
  move_children(link, anchor);
  replace_node(link, anchor);
}

}  // namespace

LinkKind classify_link_url(std::string_view url) {
  std::string seen = browser_view(url);
  std::string scheme = scheme_of(seen);
  if (scheme == "http" || scheme == "https" || scheme == "mailto") return LinkKind::external;
  if (!scheme.empty()) return LinkKind::refused;
  bool slash0 = seen.size() > 0 && (seen[0] == '/' || seen[0] == '\\');
  bool slash1 = seen.size() > 1 && (seen[1] == '/' || seen[1] == '\\');
  return slash0 && slash1 ? LinkKind::external : LinkKind::local;
}

bool is_local_image_url(std::string_view url) {
  if (url.size() < 2 || url[0] != '/' || url[1] == '/') return false;
  for (char c : url) {
    if (static_cast<unsigned char>(c) <= 0x20 || c == '\\' || c == 0x7f) return false;
  }
  return true;
}

void apply_url_policy(const std::vector<cmark_node*>& links_and_images) {
  for (cmark_node* node : links_and_images) {
    if (cmark_node_get_type(node) == CMARK_NODE_LINK) {
      apply_to_link(node);
    } else if (!is_local_image_url(cmark_node_get_url(node))) {
      replace_by_children(node);
    }
  }
}

}  // namespace kidwiki::engine

#include "render/render_url_policy.h"

#include <string>
#include <vector>

#include "render/render_cmark_tree.h"
#include "i18n/escape.h"

namespace kidwiki::engine {
namespace {

bool is_ascii_alpha(char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }

bool is_removed_inside(char c) { return c == '\t' || c == '\n' || c == '\r'; }

// What a browser's URL parser sees: C0 controls and spaces trimmed, tab and newlines removed.
// A view of `url` itself unless something inside it is removed; then a view of `storage`.
std::string_view browser_view(std::string_view url, std::string& storage) {
  while (!url.empty() && static_cast<unsigned char>(url.front()) <= 0x20) url.remove_prefix(1);
  while (!url.empty() && static_cast<unsigned char>(url.back()) <= 0x20) url.remove_suffix(1);
  bool removes_any = false;
  for (char c : url) removes_any = removes_any || is_removed_inside(c);
  if (!removes_any) return url;
  storage.clear();
  for (char c : url) {
    if (!is_removed_inside(c)) storage += c;
  }
  return storage;
}

// The scheme as written (compare it without case), or empty when the URL is relative.
std::string_view scheme_of(std::string_view url) {
  if (url.empty() || !is_ascii_alpha(url[0])) return {};
  for (std::size_t i = 0; i < url.size(); ++i) {
    char c = url[i];
    if (c == ':') return url.substr(0, i);
    bool allowed = is_ascii_alpha(c) || (c >= '0' && c <= '9') || c == '+' || c == '-' || c == '.';
    if (!allowed) return {};
  }
  return {};
}

// `scheme` (letters, digits, + - .) equals the lower-case `name` without regard to case.
bool is_scheme(std::string_view scheme, std::string_view name) {
  if (scheme.size() != name.size()) return false;
  for (std::size_t i = 0; i < name.size(); ++i) {
    if (static_cast<char>(scheme[i] | 0x20) != name[i]) return false;
  }
  return true;
}

LinkKind classify_seen(std::string_view seen) {
  std::string_view scheme = scheme_of(seen);
  if (is_scheme(scheme, "http") || is_scheme(scheme, "https") || is_scheme(scheme, "mailto")) {
    return LinkKind::external;
  }
  if (!scheme.empty()) return LinkKind::refused;
  bool slash0 = seen.size() > 0 && (seen[0] == '/' || seen[0] == '\\');
  bool slash1 = seen.size() > 1 && (seen[1] == '/' || seen[1] == '\\');
  return slash0 && slash1 ? LinkKind::external : LinkKind::local;
}

std::string link_opening_tag(std::string_view seen, std::string_view title, LinkKind kind) {
  std::string tag = "<a href=\"";
  tag += i18n::href_escaped(seen);
  tag += '"';
  if (!title.empty()) {
    tag += " title=\"";
    i18n::append_html_escaped(tag, title);
    tag += '"';
  }
  if (kind == LinkKind::external) tag += " rel=\"nofollow noopener noreferrer\" class=\"external\"";
  tag += '>';
  return tag;
}

void apply_to_link(cmark_node* link) {
  std::string storage;
  std::string_view seen = browser_view(cmark_node_get_url(link), storage);
  LinkKind kind = classify_seen(seen);
  if (kind == LinkKind::refused) {
    replace_by_children(link);
    return;
  }
  cmark_node* anchor =
      new_custom_inline(link_opening_tag(seen, cmark_node_get_title(link), kind), "</a>");
  move_children(link, anchor);
  replace_node(link, anchor);
}

}  // namespace

LinkKind classify_link_url(std::string_view url) {
  std::string storage;
  return classify_seen(browser_view(url, storage));
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

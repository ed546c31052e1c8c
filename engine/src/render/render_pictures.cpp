#include "render/render_pictures.h"

#include <algorithm>
#include <unordered_set>

#include "i18n/escape.h"
#include "render/link_placeholder.h"
#include "render/render_cmark_tree.h"

namespace kidwiki::engine {
namespace {

constexpr std::string_view kTagStart = "<img data-wf=\"";
constexpr std::string_view kAltStart = "\" alt=\"";

int hex_value(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  return -1;
}

// Addresses are written percent-encoded as often as not ("File:Le%20lion.jpg"): decoded once, as
// a title typed in an address bar is.
std::string percent_decoded(std::string_view s) {
  std::string out;
  out.reserve(s.size());
  for (std::size_t i = 0; i < s.size(); ++i) {
    if (s[i] == '%' && i + 2 < s.size()) {
      const int hi = hex_value(s[i + 1]), lo = hex_value(s[i + 2]);
      if (hi >= 0 && lo >= 0) {
        out += static_cast<char>(hi * 16 + lo);
        i += 2;
        continue;
      }
    }
    out += s[i];
  }
  return out;
}

// The file page an image's address names, or nothing (an ordinary image address).
std::optional<Title> picture_title(cmark_node* image, const RenderContext& context) {
  const char* url = cmark_node_get_url(image);
  if (url == nullptr) return std::nullopt;
  return picture_address(url, context);
}

// What the image's label reads as plain text: its caption and its alternative text.
std::string label_text(cmark_node* image) {
  std::string text;
  cmark_iter* iter = cmark_iter_new(image);
  for (cmark_event_type ev; (ev = cmark_iter_next(iter)) != CMARK_EVENT_DONE;) {
    cmark_node* node = cmark_iter_get_node(iter);
    if (ev != CMARK_EVENT_ENTER) continue;
    switch (cmark_node_get_type(node)) {
      case CMARK_NODE_TEXT:
      case CMARK_NODE_CODE:
        text += literal_of(node);
        break;
      case CMARK_NODE_SOFTBREAK:
      case CMARK_NODE_LINEBREAK:
        text += ' ';
        break;
      default:
        break;
    }
  }
  cmark_iter_free(iter);
  return text;
}

void collect_subtree(cmark_node* root, std::unordered_set<cmark_node*>& nodes) {
  cmark_iter* iter = cmark_iter_new(root);
  for (cmark_event_type ev; (ev = cmark_iter_next(iter)) != CMARK_EVENT_DONE;) {
    if (ev == CMARK_EVENT_ENTER) nodes.insert(cmark_iter_get_node(iter));
  }
  cmark_iter_free(iter);
}

}  // namespace

std::optional<Title> picture_address(std::string_view address, const RenderContext& context) {
  if (address.find(':') == std::string_view::npos) return std::nullopt;
  auto title = parse_title(percent_decoded(address), context.lang, context.names);
  if (!title || title->ns != Namespace::file) return std::nullopt;
  return std::move(title).value();
}

void record_picture(RenderResult& result, const Title& title) {
  if (std::find(result.links.begin(), result.links.end(), title) == result.links.end()) {
    result.links.push_back(title);
  }
}

std::string picture_placeholder(const Title& title, std::string_view alt) {
  std::string tag(kTagStart);
  i18n::append_html_escaped(tag, title.text);
  tag += kAltStart;
  i18n::append_html_escaped(tag, alt);
  tag += "\">";
  return tag;
}

namespace {

// Alone in its paragraph (spaces aside): the picture stands as a figure.
bool stands_alone(cmark_node* image) {
  cmark_node* parent = cmark_node_parent(image);
  if (parent == nullptr || cmark_node_get_type(parent) != CMARK_NODE_PARAGRAPH) return false;
  for (cmark_node* n = cmark_node_first_child(parent); n; n = cmark_node_next(n)) {
    if (n == image) continue;
    const auto type = cmark_node_get_type(n);
    if (type == CMARK_NODE_SOFTBREAK || type == CMARK_NODE_LINEBREAK) continue;
    if (type == CMARK_NODE_TEXT &&
        literal_of(n).find_first_not_of(" \t") == std::string_view::npos) {
      continue;
    }
    return false;
  }
  return true;
}

void embed(cmark_node* image, const Title& title) {
  const std::string label = label_text(image);
  if (stands_alone(image)) {
    std::string html = "<figure class=\"picture\">" + picture_placeholder(title, label);
    if (!label.empty()) {
      html += "<figcaption>";
      i18n::append_html_escaped(html, label);
      html += "</figcaption>";
    }
    html += "</figure>\n";
    replace_node(cmark_node_parent(image), new_custom_block(html));
  } else {
    replace_node(image, new_custom_inline(picture_placeholder(title, label), ""));
  }
}

}  // namespace

std::vector<cmark_node*> embed_pictures(const std::vector<cmark_node*>& links_and_images,
                                        const RenderContext& context, RenderResult& result) {
  std::vector<cmark_node*> rest;
  rest.reserve(links_and_images.size());
  std::unordered_set<cmark_node*> freed;  // inside a picture: gone with it
  for (cmark_node* node : links_and_images) {
    if (freed.contains(node)) continue;
    std::optional<Title> title;
    if (cmark_node_get_type(node) == CMARK_NODE_IMAGE) title = picture_title(node, context);
    if (!title) {
      rest.push_back(node);
      continue;
    }
    record_picture(result, *title);
    collect_subtree(stands_alone(node) ? cmark_node_parent(node) : node, freed);
    embed(node, *title);
  }
  return rest;
}

std::vector<PicturePlaceholder> find_picture_placeholders(std::string_view html) {
  std::vector<PicturePlaceholder> found;
  for (std::size_t at = html.find(kTagStart); at != std::string_view::npos;
       at = html.find(kTagStart, at + 1)) {
    const std::size_t name_start = at + kTagStart.size();
    const std::size_t alt = html.find(kAltStart, name_start);
    if (alt == std::string_view::npos) break;
    const std::size_t alt_start = alt + kAltStart.size();
    const std::size_t end = html.find("\">", alt_start);
    if (end == std::string_view::npos) break;
    found.push_back({at, end + 2 - at,
                     attribute_unescaped(html.substr(name_start, alt - name_start)),
                     attribute_unescaped(html.substr(alt_start, end - alt_start))});
  }
  return found;
}

}  // namespace kidwiki::engine

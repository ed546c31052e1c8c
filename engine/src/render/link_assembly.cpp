#include "render/link_assembly.h"

#include <map>

#include "render/link_placeholder.h"
#include "render/render_escape.h"

namespace kidwiki::engine {
namespace {

std::string page_path(const Edition& ed, const Title& t) {
  return "/" + ed.lang + "/wiki/" + title_to_url(t, ed.names);
}

std::string opening_tag(const Edition& ed, const LinkPlaceholder& p, bool exists) {
  std::string href = page_path(ed, p.target);
  if (!exists) {
    href += "?action=edit&redlink=1";
  } else if (!p.fragment.empty()) {
    href += "#" + p.fragment;
  }
  std::string tag = "<a href=\"" + href_escaped(href) + "\"";
  if (!exists) tag += " class=\"new\"";
  tag += " title=\"" + html_escaped(full_title(p.target, ed.names)) + "\">";
  return tag;
}

}  // namespace

std::string assemble_links(std::string_view html, const Edition& edition,
                           const std::function<bool(const Title&)>& exists) {
  auto placeholders = find_link_placeholders(html);
  std::map<Title, bool> known;
  std::string out;
  out.reserve(html.size() + placeholders.size() * 48);
  std::size_t copied = 0;
  for (const auto& p : placeholders) {
    out.append(html.substr(copied, p.position - copied));
    auto it = known.find(p.target);
    if (it == known.end()) it = known.emplace(p.target, exists(p.target)).first;
    out += opening_tag(edition, p, it->second);
    copied = p.position + p.length;
  }
  out.append(html.substr(copied));
  return out;
}

}  // namespace kidwiki::engine

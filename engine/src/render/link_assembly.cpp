#include "render/link_assembly.h"

#include <map>
#include <stdexcept>

#include "render/link_placeholder.h"
#include "i18n/escape.h"

namespace kidwiki::engine {
namespace {

std::string opening_tag(const Edition& ed, const LinkPlaceholder& p, bool exists,
                        const PageAddress& address) {
  std::string href = address(ed, p.target, exists);
  if (exists && !p.fragment.empty()) href += "#" + p.fragment;
  std::string tag = "<a href=\"" + i18n::href_escaped(href) + "\"";
  if (!exists) tag += " class=\"new\"";
  tag += " title=\"" + i18n::html_escaped(full_title(p.target, ed.names)) + "\">";
  return tag;
}

}  // namespace

std::string assemble_links(std::string_view html, const Edition& edition,
                           const std::function<bool(const Title&)>& exists,
                           const PageAddress& address) {
  if (!address) throw std::logic_error("Options::page_address is not set: links have no address");
  auto placeholders = find_link_placeholders(html);
  std::map<Title, bool> known;
  std::string out;
  out.reserve(html.size() + placeholders.size() * 48);
  std::size_t copied = 0;
  for (const auto& p : placeholders) {
    out.append(html.substr(copied, p.position - copied));
    auto it = known.find(p.target);
    if (it == known.end()) it = known.emplace(p.target, exists(p.target)).first;
    out += opening_tag(edition, p, it->second, address);
    copied = p.position + p.length;
  }
  out.append(html.substr(copied));
  return out;
}

}  // namespace kidwiki::engine

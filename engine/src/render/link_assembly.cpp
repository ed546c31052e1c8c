#include "render/link_assembly.h"

#include <unordered_map>
#include <vector>
#include <stdexcept>

#include "render/link_placeholder.h"
#include "i18n/escape.h"

namespace kidwiki::engine {
namespace {

std::string opening_tag(const Edition& ed, const LinkPlaceholder& p, bool exists,
                        const PageAddress& address) {
  std::string href = address(ed, p.target, exists);
  // An empty address is a link with nowhere to go (an export without that page): an <a> without
  // href is plain text in every browser, never a dead link.
  std::string tag = "<a";
  if (!href.empty()) {
    if (exists && !p.fragment.empty()) href += "#" + p.fragment;
    tag += " href=\"" + i18n::href_escaped(href) + "\"";
  }
  if (!exists) tag += " class=\"new\"";
  tag += " title=\"" + i18n::html_escaped(full_title(p.target, ed.names)) + "\">";
  return tag;
}

// Links go to Title's four namespaces only.
constexpr std::size_t kNamespaceSlots = 4;
std::size_t namespace_slot(Namespace ns) {
  switch (ns) {
    case Namespace::article: return 0;
    case Namespace::talk: return 1;
    case Namespace::category: return 2;
    case Namespace::file: return 3;
  }
  return 0;
}

}  // namespace

std::string assemble_links(std::string_view html, const Edition& edition,
                           const ExistingTitles& exists, const PageAddress& address) {
  if (!address) throw std::logic_error("Options::page_address is not set: links have no address");
  auto placeholders = find_link_placeholders(html);
  // Each distinct target once, numbered in order of first appearance.
  std::unordered_map<std::string_view, std::size_t> index[kNamespaceSlots];
  std::vector<Title> targets;
  std::vector<std::size_t> target_of;
  target_of.reserve(placeholders.size());
  for (const auto& p : placeholders) {
    auto& of_ns = index[namespace_slot(p.target.ns)];
    auto [it, added] = of_ns.try_emplace(p.target.text, targets.size());
    if (added) targets.push_back(p.target);
    target_of.push_back(it->second);
  }
  const std::vector<bool> known = exists(targets);
  std::string out;
  out.reserve(html.size() + placeholders.size() * 48);
  std::size_t copied = 0;
  for (std::size_t i = 0; i < placeholders.size(); ++i) {
    const auto& p = placeholders[i];
    out.append(html.substr(copied, p.position - copied));
    out += opening_tag(edition, p, known[target_of[i]], address);
    copied = p.position + p.length;
  }
  out.append(html.substr(copied));
  return out;
}

}  // namespace kidwiki::engine

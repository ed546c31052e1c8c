#include "render/render_wiki_target.h"

#include <algorithm>
#include <optional>

#include "render/render_headings.h"

namespace kidwiki::engine {
namespace {

bool is_space(char c) { return c == ' ' || (c >= '\t' && c <= '\r'); }

std::string_view trimmed(std::string_view s) {
  while (!s.empty() && is_space(s.front())) s.remove_prefix(1);
  while (!s.empty() && is_space(s.back())) s.remove_suffix(1);
  return s;
}

std::string ascii_lower(std::string_view s) {
  std::string lower(s);
  for (char& c : lower) {
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  }
  return lower;
}

// The code of another edition when `page` starts with one ("en:Lion" in the French edition).
std::optional<std::string> other_language_prefix(std::string_view page,
                                                 const RenderContext& context) {
  std::size_t colon = page.find(':');
  if (colon == std::string_view::npos) return std::nullopt;
  std::string prefix = ascii_lower(trimmed(page.substr(0, colon)));
  const auto& all = context.languages;
  if (prefix == context.lang || std::find(all.begin(), all.end(), prefix) == all.end()) {
    return std::nullopt;
  }
  return prefix;
}

// The other edition's namespace names are unknown here, so its title is kept in the canonical
// English form, which every edition understands.
bool language_target(std::string_view page, const std::string& lang, WikiTarget& target) {
  auto title = parse_title(page.substr(page.find(':') + 1), lang, NamespaceNames{});
  if (!title.ok()) return false;
  target = WikiTarget{};
  target.kind = WikiTarget::Kind::language;
  target.langlink = LangLink{lang, full_title(title.value(), NamespaceNames{})};
  return true;
}

}  // namespace

bool parse_wiki_target(std::string_view inner, const RenderContext& context, WikiTarget& result) {
  std::size_t pipe = inner.find('|');
  std::string_view target = trimmed(inner.substr(0, pipe));
  std::string_view label = pipe == std::string_view::npos ? "" : trimmed(inner.substr(pipe + 1));
  bool inline_link = !target.empty() && target.front() == ':';
  if (inline_link) target = trimmed(target.substr(1));
  std::size_t hash = target.find('#');
  std::string_view page = trimmed(target.substr(0, hash));
  result.kind = WikiTarget::Kind::page;
  result.label = label.empty() ? target : label;
  result.fragment.clear();
  if (hash != std::string_view::npos) result.fragment = anchor_of(target.substr(hash + 1));
  if (page.empty()) {
    result.kind = WikiTarget::Kind::section;
    return !result.fragment.empty();
  }
  if (auto lang = other_language_prefix(page, context); lang && !inline_link) {
    return language_target(page, *lang, result);
  }
  auto title = parse_title(page, context.lang, context.names);
  if (!title.ok()) return false;
  result.title = std::move(title.value());
  if (!inline_link && result.title.ns == Namespace::category) {
    result.kind = WikiTarget::Kind::category;
  }
  return true;
}

}  // namespace kidwiki::engine

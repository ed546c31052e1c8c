#include "wiki/featured_lists.h"

#include "i18n/text.h"

namespace kidwiki::engine {
namespace {

std::string_view trimmed(std::string_view s) {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\t')) s.remove_prefix(1);
  while (!s.empty() && (s.back() == ' ' || s.back() == '\t' || s.back() == '\r')) s.remove_suffix(1);
  return s;
}

// Splits "key: value" (spaces around the colon allowed); empty key when there is no colon.
std::pair<std::string, std::string_view> key_value(std::string_view line) {
  const std::size_t colon = line.find(':');
  if (colon == std::string_view::npos) return {"", line};
  return {i18n::fold_case(trimmed(line.substr(0, colon))), trimmed(line.substr(colon + 1))};
}

bool is_fence(std::string_view line, std::string_view* info) {
  line = trimmed(line);
  if (!line.starts_with("```")) return false;
  *info = trimmed(line.substr(3));
  return true;
}

}  // namespace

FeaturedLists read_featured_lists(std::string_view markdown) {
  FeaturedLists lists;
  bool inside = false, featured = false;
  while (!markdown.empty()) {
    const std::size_t end = markdown.find('\n');
    const std::string_view line = markdown.substr(0, end);
    markdown = end == std::string_view::npos ? std::string_view() : markdown.substr(end + 1);
    std::string_view info;
    if (is_fence(line, &info)) {
      featured = !inside && info == "featured";
      inside = !inside;
      continue;
    }
    if (!inside || !featured) continue;
    const auto [key, value] = key_value(line);
    if (value.empty()) continue;
    if (key == "article") lists.articles.emplace_back(value);
    if (key == "picture" || key == "image") lists.pictures.emplace_back(value);
    if (key == "portal" || key == "portail") lists.portals.emplace_back(value);
  }
  return lists;
}

std::optional<std::string> entry_of_the_day(const std::vector<std::string>& list, std::int64_t day) {
  if (list.empty()) return std::nullopt;
  const auto n = static_cast<std::int64_t>(list.size());
  return list[static_cast<std::size_t>(((day % n) + n) % n)];
}

}  // namespace kidwiki::engine

#include "http/entity_tag.h"

#include <cstdint>

namespace kidwiki::web {

std::string entity_tag(std::string_view body) {
  std::uint64_t hash = 14695981039346656037ull;
  for (const char c : body) hash = (hash ^ static_cast<unsigned char>(c)) * 1099511628211ull;
  static constexpr char kHex[] = "0123456789abcdef";
  std::string tag = "\"";
  for (int shift = 60; shift >= 0; shift -= 4) tag += kHex[(hash >> shift) & 15];
  return tag + "\"";
}

bool client_has(const httplib::Request& req, std::string_view tag) {
  const std::string header = req.get_header_value("If-None-Match");
  if (header.empty()) return false;
  if (header == "*") return true;
  // A list of tags, each perhaps weak ("W/"): a weak comparison is what If-None-Match asks for.
  std::string_view rest = header;
  while (!rest.empty()) {
    const std::size_t comma = rest.find(',');
    std::string_view item = rest.substr(0, comma);
    while (!item.empty() && item.front() == ' ') item.remove_prefix(1);
    while (!item.empty() && item.back() == ' ') item.remove_suffix(1);
    if (item.starts_with("W/")) item.remove_prefix(2);
    if (item == tag) return true;
    if (comma == std::string_view::npos) break;
    rest.remove_prefix(comma + 1);
  }
  return false;
}

}  // namespace kidwiki::web

#include "http/return_path.h"

namespace kidwiki::web {

std::optional<std::string> safe_return_path(std::string_view raw) {
  if (raw.size() > kMaxReturnPathBytes || !raw.starts_with('/') || raw.starts_with("//")) {
    return std::nullopt;
  }
  static constexpr char kHex[] = "0123456789ABCDEF";
  std::string out;
  for (const char c : raw) {
    const auto byte = static_cast<unsigned char>(c);
    if (byte < 0x20 || byte == 0x7f || c == '\\') return std::nullopt;
    if (byte >= 0x80 || c == ' ' || c == '"' || c == '<' || c == '>') {
      out += {'%', kHex[byte >> 4], kHex[byte & 15]};
    } else {
      out += c;
    }
  }
  return out;
}

}  // namespace kidwiki::web

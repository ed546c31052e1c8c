#include "http/return_path.h"

#include "i18n/escape.h"

namespace kidwiki::web {

std::optional<std::string> safe_return_path(std::string_view raw) {
  if (raw.size() > kMaxReturnPathBytes || !raw.starts_with('/') || raw.starts_with("//")) {
    return std::nullopt;
  }
  for (const char c : raw) {
    const auto byte = static_cast<unsigned char>(c);
    if (byte < 0x20 || byte == 0x7f || c == '\\') return std::nullopt;
  }
  return i18n::percent_encoded(raw, i18n::UrlPart::url);
}

}  // namespace kidwiki::web

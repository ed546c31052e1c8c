#include "wiki/text_form.h"

#include <algorithm>

#include "i18n/text.h"

namespace kidwiki::engine {

std::string normalize_text(std::string_view raw) {
  std::string s;
  s.reserve(raw.size());
  for (std::size_t i = 0; i < raw.size(); ++i) {
    if (raw[i] == '\r') {
      if (i + 1 < raw.size() && raw[i + 1] == '\n') continue;
      s += '\n';
    } else {
      s += raw[i];
    }
  }
  s = i18n::to_nfc(s);
  while (!s.empty() && (s.back() == '\n' || s.back() == ' ' || s.back() == '\t')) s.pop_back();
  return s;
}

std::string normalize_summary(std::string_view raw) {
  std::string s = i18n::to_nfc(raw);
  std::replace_if(s.begin(), s.end(), [](char c) { return c == '\n' || c == '\r' || c == '\t'; }, ' ');
  auto first = s.find_first_not_of(' ');
  if (first == std::string::npos) return "";
  return s.substr(first, s.find_last_not_of(' ') - first + 1);
}

}  // namespace kidwiki::engine

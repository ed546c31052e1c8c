#include "filter/filter_detectors.h"

namespace kidwiki::engine {
namespace {

// Bounds from RFC 5321; they also keep the backward scan from each '@' constant-time.
constexpr std::size_t kMaxLocal = 64;
constexpr std::size_t kMaxDomain = 253;

bool is_alnum(char c) {
  return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}
bool is_local_char(char c) {
  return is_alnum(c) || c == '.' || c == '_' || c == '%' || c == '+' || c == '-';
}
bool is_letter(char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }

// Start of the local part ending just before `at`, or `at` when there is none.
std::size_t local_start(std::string_view text, std::size_t at) {
  std::size_t i = at;
  while (i > 0 && at - i < kMaxLocal && is_local_char(text[i - 1])) --i;
  while (i < at && text[i] == '.') ++i;
  return i;
}

// End of a domain of two labels or more starting at `from`, the last one of two letters or more;
// `from` when there is none.
std::size_t domain_end(std::string_view text, std::size_t from) {
  std::size_t i = from, label_start = from, end = from;
  bool dotted = false, letters_only = true;
  while (i < text.size() && i - from < kMaxDomain) {
    const char c = text[i];
    if (c == '.' && i > label_start) {
      dotted = true, label_start = i + 1, letters_only = true;
    } else if (is_alnum(c) || c == '-') {
      letters_only = letters_only && is_letter(c);
      if (dotted && letters_only && i + 1 - label_start >= 2) end = i + 1;
    } else {
      break;
    }
    ++i;
  }
  return end;
}

}  // namespace

void find_emails(std::string_view text, std::vector<FilterMatch>& out) {
  for (std::size_t at = text.find('@'); at != std::string_view::npos; at = text.find('@', at + 1)) {
    const std::size_t begin = local_start(text, at);
    const std::size_t end = domain_end(text, at + 1);
    if (begin == at || end == at + 1) continue;
    out.push_back({"email", FilterAction::refuse, "filter-email", begin, end - begin});
  }
}

}  // namespace kidwiki::engine

#include "render_escape.h"

#include <array>
#include <cstring>

namespace kidwiki::engine {
namespace {

bool is_url_safe(unsigned char c) {
  if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')) return true;
  return c != 0 && std::strchr("-_.~!*()+,;:=@/?#[]$%&'", c) != nullptr;
}

const char* entity_of(char c) {
  switch (c) {
    case '&':
      return "&amp;";
    case '<':
      return "&lt;";
    case '>':
      return "&gt;";
    case '"':
      return "&quot;";
    default:
      return "&#39;";
  }
}

template <bool kApostrophe>
constexpr std::array<bool, 256> kSpecial = [] {
  std::array<bool, 256> special{};
  special['&'] = special['<'] = special['>'] = special['"'] = true;
  special['\''] = kApostrophe;
  return special;
}();

// Copies the runs between special characters whole: most text has none.
template <bool kApostrophe>
void append_escaped(std::string& out, std::string_view text) {
  std::size_t run = 0;
  for (std::size_t i = 0; i < text.size(); ++i) {
    char c = text[i];
    if (kSpecial<kApostrophe>[static_cast<unsigned char>(c)]) {
      out.append(text.data() + run, i - run).append(entity_of(c));
      run = i + 1;
    }
  }
  out.append(text.data() + run, text.size() - run);
}

}  // namespace

void append_html_escaped(std::string& out, std::string_view text) {
  append_escaped<true>(out, text);
}

void append_text_escaped(std::string& out, std::string_view text) {
  append_escaped<false>(out, text);
}

std::string html_escaped(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  append_html_escaped(out, text);
  return out;
}

std::string href_escaped(std::string_view url) {
  static constexpr char kHex[] = "0123456789ABCDEF";
  std::string encoded;
  encoded.reserve(url.size());
  for (unsigned char c : url) {
    if (is_url_safe(c)) {
      encoded += static_cast<char>(c);
    } else {
      encoded += '%';
      encoded += kHex[c >> 4];
      encoded += kHex[c & 15];
    }
  }
  return html_escaped(encoded);
}

}  // namespace kidwiki::engine

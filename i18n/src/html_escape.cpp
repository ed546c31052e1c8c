// The HTML escaper, sixteen bytes at a time where SSE2 is there (the renderer escapes nearly every
// byte of an article once), and the percent-encoder.
#include "i18n/escape.h"

#if defined(__SSE2__)
#include <emmintrin.h>
#endif

#include <algorithm>
#include <array>
#include <bit>
#include <cstdint>
#include <cstring>

namespace kidwiki::i18n {
namespace {

using ByteSet = std::array<bool, 256>;

constexpr ByteSet with(ByteSet set, std::string_view bytes) {
  for (char c : bytes) set[static_cast<unsigned char>(c)] = true;
  return set;
}

constexpr ByteSet kUnreserved = [] {
  ByteSet set{};
  for (int c = '0'; c <= '9'; ++c) set[c] = true;
  for (int c = 'a'; c <= 'z'; ++c) set[c] = set[c - 'a' + 'A'] = true;
  return with(set, "-_.~");
}();
constexpr ByteSet kTitle = with(kUnreserved, ":/(),!*@");
constexpr ByteSet kUrlSafe = with(kUnreserved, "!*()+,;:=@/?#[]$%&'");
constexpr ByteSet kPrintable = [] {
  ByteSet set{};
  for (int c = 0x21; c < 0x7f; ++c) set[c] = true;
  return set;
}();

const ByteSet& kept(UrlPart part) {
  switch (part) {
    case UrlPart::component: return kUnreserved;
    case UrlPart::title: return kTitle;
    case UrlPart::url: return kUrlSafe;
    case UrlPart::printable: return kPrintable;
  }
  return kUnreserved;
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

void append_entity(std::string& out, std::string_view text, std::size_t& run, std::size_t at) {
  out.append(text.data() + run, at - run).append(entity_of(text[at]));
  run = at + 1;
}

#if defined(__SSE2__)

// One bit per byte of the sixteen at `p`: set where the byte needs escaping.
template <bool kApostrophe>
unsigned special_mask(const char* p) {
  __m128i bytes = _mm_loadu_si128(reinterpret_cast<const __m128i*>(p));
  auto is = [&](char c) { return _mm_cmpeq_epi8(bytes, _mm_set1_epi8(c)); };
  __m128i found = _mm_or_si128(_mm_or_si128(is('&'), is('<')), _mm_or_si128(is('>'), is('"')));
  if constexpr (kApostrophe) found = _mm_or_si128(found, is('\''));
  return static_cast<unsigned>(_mm_movemask_epi8(found));
}

// Sixteen bytes per step, jumping straight to the bytes to escape: most text has none, and the
// renderer escapes nearly every byte of an article once.
template <bool kApostrophe>
void append_escaped(std::string& out, std::string_view text) {
  std::size_t run = 0;
  std::size_t i = 0;
  for (; text.size() - i >= 16; i += 16) {
    for (unsigned mask = special_mask<kApostrophe>(text.data() + i); mask != 0; mask &= mask - 1) {
      append_entity(out, text, run, i + static_cast<std::size_t>(std::countr_zero(mask)));
    }
  }
  for (; i < text.size(); ++i) {
    if (kSpecial<kApostrophe>[static_cast<unsigned char>(text[i])]) append_entity(out, text, run, i);
  }
  out.append(text.data() + run, text.size() - run);
}

#else

constexpr std::uint64_t kOnes = 0x0101010101010101;

// The high bit of each byte of `word` that is `c` may be set (the classic zero-byte test on
// word ^ c...c); none is set when no byte is `c`.
std::uint64_t byte_mask(std::uint64_t word, unsigned char c) {
  std::uint64_t v = word ^ (kOnes * c);
  return (v - kOnes) & ~v & (kOnes << 7);
}

// Branch-free: one test per eight bytes.
template <bool kApostrophe>
bool has_special(std::uint64_t word) {
  std::uint64_t found =
      byte_mask(word, '&') | byte_mask(word, '<') | byte_mask(word, '>') | byte_mask(word, '"');
  if constexpr (kApostrophe) found |= byte_mask(word, '\'');
  return found != 0;
}

// Where SSE2 is missing: eight bytes per step where there is nothing to escape.
template <bool kApostrophe>
void append_escaped(std::string& out, std::string_view text) {
  std::size_t run = 0;
  std::size_t i = 0;
  while (i < text.size()) {
    std::uint64_t word;
    if (text.size() - i >= 8 &&
        (std::memcpy(&word, text.data() + i, 8), !has_special<kApostrophe>(word))) {
      i += 8;
      continue;
    }
    for (std::size_t end = std::min(i + 8, text.size()); i < end; ++i) {
      if (kSpecial<kApostrophe>[static_cast<unsigned char>(text[i])]) {
        append_entity(out, text, run, i);
      }
    }
  }
  out.append(text.data() + run, text.size() - run);
}

#endif

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

std::string percent_encoded(std::string_view text, UrlPart part) {
  static constexpr char kHex[] = "0123456789ABCDEF";
  const ByteSet& keep = kept(part);
  std::string encoded;
  encoded.reserve(text.size());
  for (unsigned char c : text) {
    if (keep[c]) {
      encoded += static_cast<char>(c);
    } else {
      encoded += {'%', kHex[c >> 4], kHex[c & 15]};
    }
  }
  return encoded;
}

std::string href_escaped(std::string_view url) {
  return html_escaped(percent_encoded(url, UrlPart::url));
}

}  // namespace kidwiki::i18n

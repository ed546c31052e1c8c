#include "render/render_cmark_tree.h"

#if defined(__SSE2__)
#include <emmintrin.h>
#endif

#include <bit>
#include <cstdint>
#include <cstring>
#include <mutex>
#include <stdexcept>

#include "render/render_gfm_extensions.h"

namespace kidwiki::engine {
namespace {

// The length of the well-formed UTF-8 sequence at the start of `s` (Unicode's table 3-7: no
// overlongs, no surrogates, nothing above U+10FFFF), or 0.
std::size_t sequence_length(std::string_view s) {
  auto byte = [&](std::size_t i) { return static_cast<unsigned char>(s[i]); };
  unsigned char lead = byte(0);
  std::size_t length = lead >= 0xF0 ? 4 : lead >= 0xE0 ? 3 : 2;
  if (lead < 0xC2 || lead > 0xF4 || s.size() < length) return 0;
  unsigned char low = 0x80, high = 0xBF;  // the range of the second byte
  if (lead == 0xE0) low = 0xA0;
  if (lead == 0xED) high = 0x9F;
  if (lead == 0xF0) low = 0x90;
  if (lead == 0xF4) high = 0x8F;
  if (byte(1) < low || byte(1) > high) return 0;
  for (std::size_t i = 2; i < length; ++i) {
    if ((byte(i) & 0xC0) != 0x80) return 0;
  }
  return length;
}

// How many bytes at the start of `s` are ASCII, sixteen (or eight without SSE2) per step:
// articles are mostly ASCII.
std::size_t ascii_prefix(std::string_view s) {
  std::size_t i = 0;
#if defined(__SSE2__)
  for (; s.size() - i >= 16; i += 16) {
    auto high_bits = static_cast<unsigned>(
        _mm_movemask_epi8(_mm_loadu_si128(reinterpret_cast<const __m128i*>(s.data() + i))));
    if (high_bits != 0) return i + static_cast<std::size_t>(std::countr_zero(high_bits));
  }
#else
  constexpr std::uint64_t kHighBits = 0x8080808080808080;
  std::uint64_t word;
  while (s.size() - i >= 8 && (std::memcpy(&word, s.data() + i, 8), (word & kHighBits) == 0)) {
    i += 8;
  }
#endif
  while (i < s.size() && static_cast<unsigned char>(s[i]) < 0x80) ++i;
  return i;
}

bool is_well_formed_utf8(std::string_view s) {
  for (s.remove_prefix(ascii_prefix(s)); !s.empty(); s.remove_prefix(ascii_prefix(s))) {
    std::size_t length = sequence_length(s);
    if (length == 0) return false;
    s.remove_prefix(length);
  }
  return true;
}

// Invariant: at most one cmark-gfm parse runs in this process at a time. cmark-gfm keeps the
// inline parser's table of special characters in a global array, and every parse with an inline
// extension (strikethrough's "~") adds its characters there when it starts parsing inlines and
// takes them out when it ends: two parses at once would race on it, and one could lose "~" in
// the middle of its text. The render workers parse one text at a time anyway (uncontended, this
// costs nothing there); only in-process renders (trusted text) can wait here.
std::mutex parse_mutex;

}  // namespace

// cmark's validation copies and checks every line as it goes; on well-formed text it changes
// nothing, so it is asked for only when the quick check above finds something to replace.
CmarkNodePtr parse_commonmark(std::string_view markdown) {
  int options = kCmarkOptions;
  if (is_well_formed_utf8(markdown)) options &= ~CMARK_OPT_VALIDATE_UTF8;
  cmark_parser* parser = cmark_parser_new_with_mem(options, cmark_memory());
  attach_gfm_extensions(parser);
  std::unique_lock lock(parse_mutex);
  cmark_parser_feed(parser, markdown.data(), markdown.size());
  CmarkNodePtr document(cmark_parser_finish(parser));
  lock.unlock();
  cmark_parser_free(parser);
  return document;
}

// No extension list: cmark-gfm's HTML writer uses it only for HTML filters (tagfilter), which
// matter only when raw HTML is written, and safe mode never writes it. Extension nodes (tables,
// strikethrough, task items) carry their own writer.
std::string render_cmark_html(cmark_node* node) {
  char* html = cmark_render_html(node, kCmarkOptions, nullptr);
  std::string out(html);
  cmark_memory()->free(html);
  return out;
}

std::string_view literal_of(cmark_node* node) {
  const char* literal = cmark_node_get_literal(node);
  return literal == nullptr ? std::string_view() : std::string_view(literal);
}

cmark_node* new_text_node(std::string_view text) {
  cmark_node* node = cmark_node_new_with_mem(CMARK_NODE_TEXT, cmark_memory());
  cmark_node_set_literal(node, std::string(text).c_str());
  return node;
}

cmark_node* new_custom_inline(const std::string& on_enter, const std::string& on_exit) {
  cmark_node* node = cmark_node_new_with_mem(CMARK_NODE_CUSTOM_INLINE, cmark_memory());
  cmark_node_set_on_enter(node, on_enter.c_str());
  cmark_node_set_on_exit(node, on_exit.c_str());
  return node;
}

cmark_node* new_custom_block(const std::string& on_enter) {
  cmark_node* node = cmark_node_new_with_mem(CMARK_NODE_CUSTOM_BLOCK, cmark_memory());
  cmark_node_set_on_enter(node, on_enter.c_str());
  return node;
}

void insert_before(cmark_node* sibling, cmark_node* node) {
  if (!insert_inline_before(sibling, node)) {
    throw std::logic_error("render: cmark refused a node where the renderer put it");
  }
}

void move_children(cmark_node* from, cmark_node* to) {
  while (cmark_node* child = cmark_node_first_child(from)) {
    cmark_node_unlink(child);
    cmark_node_append_child(to, child);
  }
}

void replace_by_children(cmark_node* node) {
  while (cmark_node* child = cmark_node_first_child(node)) {
    cmark_node_unlink(child);
    insert_before(node, child);
  }
  remove_node(node);
}

void replace_node(cmark_node* old_node, cmark_node* new_node) {
  insert_before(old_node, new_node);
  remove_node(old_node);
}

void remove_node(cmark_node* node) {
  cmark_node_unlink(node);
  cmark_node_free(node);
}

}  // namespace kidwiki::engine

#include "render/render_redirect.h"

#include "render/render_wiki_target.h"

namespace kidwiki::engine {
namespace {

// True (and `text` advanced past it) when `text` starts with `word`, compared without ASCII case.
bool consume_word(std::string_view& text, std::string_view word) {
  if (text.size() < word.size()) return false;
  for (std::size_t i = 0; i < word.size(); ++i) {
    char c = text[i];
    if (c >= 'a' && c <= 'z') c = static_cast<char>(c - 'a' + 'A');
    if (c != word[i]) return false;
  }
  text.remove_prefix(word.size());
  return true;
}

void skip_spaces(std::string_view& text) {
  while (!text.empty() && (text.front() == ' ' || text.front() == '\t')) text.remove_prefix(1);
}

}  // namespace

std::optional<Redirect> find_redirect(std::string_view markdown, const RenderContext& context) {
  std::size_t line_end = markdown.find('\n');
  std::size_t line_length = line_end == std::string_view::npos ? markdown.size() : line_end + 1;
  std::string_view line = markdown.substr(0, line_length);
  skip_spaces(line);
  if (!consume_word(line, "#REDIRECT")) return std::nullopt;
  consume_word(line, "ION");
  if (!line.empty() && line.front() == ':') line.remove_prefix(1);
  skip_spaces(line);
  if (!line.starts_with("[[")) return std::nullopt;
  std::size_t close = line.find("]]");
  if (close == std::string_view::npos) return std::nullopt;
  std::string_view inner = line.substr(2, close - 2);
  if (inner.starts_with(':')) inner.remove_prefix(1);
  WikiTarget target;
  if (!parse_wiki_target(inner, context, target) || target.kind == WikiTarget::Kind::section ||
      target.kind == WikiTarget::Kind::language) {
    return std::nullopt;
  }
  return Redirect{std::move(target.title), line_length};
}

}  // namespace kidwiki::engine

// `<ref>` notes become numbers in the text and a list at the end: kidwiki's Markdown has no
// footnotes, and a numbered sources list reads the same to a child.
#include <map>

#include "import/wikitext_parts.h"

namespace kidwiki::import {
namespace {

constexpr std::size_t kMaxTagBytes = 500;

// name="x", name=x or name='x' in a ref's attributes; "" when it has none.
std::string ref_name(std::string_view attributes) {
  const std::size_t at = attributes.find("name");
  if (at == std::string_view::npos) return "";
  std::size_t i = attributes.find('=', at);
  if (i == std::string_view::npos) return "";
  ++i;
  while (i < attributes.size() && attributes[i] == ' ') ++i;
  const char quote = i < attributes.size() && (attributes[i] == '"' || attributes[i] == '\'')
                         ? attributes[i++]
                         : ' ';
  std::size_t end = attributes.find_first_of(
      quote == ' ' ? std::string_view(" />") : std::string_view(&quote, 1), i);
  if (end == std::string_view::npos) end = attributes.size();
  return std::string(attributes.substr(i, end - i));
}

bool starts_ref(std::string_view s, std::size_t i) {
  if (s.substr(i, 4) != "<ref") return false;
  const char next = i + 4 < s.size() ? s[i + 4] : '\0';
  return next == '>' || next == ' ' || next == '/';
}

}  // namespace

std::string number_refs(std::string_view s, std::vector<std::string>& notes) {
  std::string out;
  out.reserve(s.size());
  std::map<std::string, std::size_t> named;  // name -> number
  std::size_t i = 0;
  while (i < s.size()) {
    if (!starts_ref(s, i)) {
      out += s[i++];
      continue;
    }
    const std::size_t gt = s.substr(i, kMaxTagBytes).find('>');
    if (gt == std::string_view::npos) {
      out += s[i++];
      continue;
    }
    const std::string_view attributes = s.substr(i + 4, gt - 4);
    const std::string name = ref_name(attributes);
    std::size_t after = i + gt + 1;
    std::string note;
    if (!attributes.ends_with('/')) {
      const std::size_t close = s.find("</ref>", after);
      const std::size_t end = close == std::string_view::npos ? s.size() : close;
      note = std::string(s.substr(after, end - after));
      after = close == std::string_view::npos ? s.size() : close + 6;
    }
    std::size_t number = 0;
    if (auto known = named.find(name); !name.empty() && known != named.end()) {
      number = known->second;
      if (notes[number - 1].empty()) notes[number - 1] = note;
    } else if (!note.empty() || !name.empty()) {
      notes.push_back(note);
      number = notes.size();
      if (!name.empty()) named[name] = number;
    }
    if (number) out += "[" + std::to_string(number) + "]";
    i = after;
  }
  return out;
}

}  // namespace kidwiki::import

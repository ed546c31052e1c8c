// The first pass: what the later ones cannot convert goes, and is counted for the report.
//
// Templates are dropped whole, nested ones with them: their output depends on pages the import
// does not have; only those with a plain meaning are converted (wikitext_templates.cpp). An
// unclosed `{{` is left as text, as MediaWiki shows it.
#include <algorithm>
#include <array>
#include <cctype>

#include "import/wikitext_parts.h"

namespace kidwiki::import {
namespace {

constexpr std::size_t kMaxNameBytes = 200;  // a template's or tag's name is read this far at most

// Tags whose content is no text to keep (a formula, a timeline, a gallery's list of files).
constexpr std::array<std::string_view, 12> kDroppedTags = {
    "gallery", "math",  "timeline", "score",    "graph",        "imagemap",
    "chem",    "hiero", "inputbox", "mapframe", "templatedata", "categorytree"};
// Tags whose content is code, kept verbatim in a fenced block.
constexpr std::array<std::string_view, 3> kCodeTags = {"pre", "syntaxhighlight", "source"};
// Tags that only style their content: the content stays.
constexpr std::array<std::string_view, 20> kUnwrappedTags = {
    "small",     "big",         "center", "span",       "div",  "font", "sup",
    "sub",       "u",           "ins",    "blockquote", "p",    "abbr", "poem",
    "noinclude", "onlyinclude", "code",   "tt",         "cite", "var"};

// "{{Infobox Animal|...": "{{Infobox Animal}}"; "{{#if: ...": "{{#if}}".
std::string template_name(std::string_view s, std::size_t from) {
  std::string_view rest = s.substr(from, kMaxNameBytes);
  const std::size_t end = rest.find_first_of(rest.starts_with('#') ? ":|}{\n" : "|}{\n");
  return "{{" + strip_space(rest.substr(0, end)) + "}}";
}

// Skips a template from its `{{` (at `i`); returns where it ends, or npos when it never closes.
std::size_t template_end(std::string_view s, std::size_t i) {
  int depth = 0;
  while (i + 1 < s.size()) {
    if (s[i] == '{' && s[i + 1] == '{') {
      ++depth;
      i += 2;
    } else if (s[i] == '}' && s[i + 1] == '}') {
      i += 2;
      if (--depth == 0) return i;
    } else {
      ++i;
    }
  }
  return std::string_view::npos;
}

struct Tag {
  std::string name;      // lower case; empty when `<` starts no tag
  bool closing = false;  // </name>
  bool self_closing = false;
  std::size_t end = 0;  // just after its `>`
};

Tag read_tag(std::string_view s, std::size_t i) {
  Tag tag;
  std::size_t j = i + 1;
  if (j < s.size() && s[j] == '/') {
    tag.closing = true;
    ++j;
  }
  while (j < s.size() && j - i < kMaxNameBytes && std::isalpha(static_cast<unsigned char>(s[j]))) {
    tag.name += static_cast<char>(std::tolower(static_cast<unsigned char>(s[j])));
    ++j;
  }
  const std::size_t close = s.substr(j, kMaxNameBytes).find('>');
  if (tag.name.empty() || close == std::string_view::npos) return Tag{};
  tag.end = j + close + 1;
  tag.self_closing = s[tag.end - 2] == '/';
  return tag;
}

// Where the content of `tag` ends and where its closing tag ends; npos when it is never closed.
std::pair<std::size_t, std::size_t> closing_of(std::string_view s, const Tag& tag) {
  const std::string closing = "</" + tag.name;
  const std::size_t at = s.find(closing, tag.end);
  if (at == std::string_view::npos) return {at, at};
  const std::size_t gt = s.find('>', at);
  return {at, gt == std::string_view::npos ? s.size() : gt + 1};
}

// `<nowiki>` text: every character that means something to wikitext or Markdown as an entity.
void append_literal(std::string& out, std::string_view text) {
  for (char c : text) {
    switch (c) {
      case '[':
        out += "&#91;";
        break;
      case ']':
        out += "&#93;";
        break;
      case '\'':
        out += "&#39;";
        break;
      case '{':
        out += "&#123;";
        break;
      case '}':
        out += "&#125;";
        break;
      case '|':
        out += "&#124;";
        break;
      case '<':
        out += "&lt;";
        break;
      case '*':
        out += "&#42;";
        break;
      case '_':
        out += "&#95;";
        break;
      case '#':
        out += "&#35;";
        break;
      case '=':
        out += "&#61;";
        break;
      case '~':
        out += "&#126;";
        break;
      case '`':
        out += "&#96;";
        break;
      case '\\':
        out += "&#92;";
        break;
      default:
        out += c;
    }
  }
}

// Handles the tag at `i`; returns where to continue.
std::size_t take_tag(std::string_view s, std::size_t i, std::string& out, Lost& lost) {
  const Tag tag = read_tag(s, i);
  if (tag.name.empty() || tag.name == "ref") {  // refs are the next pass's
    out += s[i];
    return i + 1;
  }
  if (tag.name == "br") {
    out += ' ';
    return tag.end;
  }
  if (tag.name == "b" || tag.name == "strong") return out += "'''", tag.end;
  if (tag.name == "i" || tag.name == "em") return out += "''", tag.end;
  if (tag.closing || tag.self_closing) {
    if (!tag.closing && one_of(tag.name, kDroppedTags)) ++lost["<" + tag.name + ">"];
    const bool known = tag.name == "references" || one_of(tag.name, kUnwrappedTags) ||
                       one_of(tag.name, kDroppedTags) || one_of(tag.name, kCodeTags) ||
                       tag.name == "nowiki" || tag.name == "s" || tag.name == "del";
    if (!known) out += s.substr(i, tag.end - i);
    return tag.end;
  }
  if (tag.name == "s" || tag.name == "del" || tag.name == "strike") return tag.end;
  if (one_of(tag.name, kUnwrappedTags)) return tag.end;
  const bool takes_content = tag.name == "nowiki" || tag.name == "references" ||
                             one_of(tag.name, kDroppedTags) || one_of(tag.name, kCodeTags);
  if (!takes_content) {
    out += s.substr(i, tag.end - i);
    return tag.end;
  }
  auto [content_end, after] = closing_of(s, tag);
  if (content_end == std::string_view::npos) content_end = after = s.size();
  const std::string_view content = s.substr(tag.end, content_end - tag.end);
  if (tag.name == "nowiki") {
    append_literal(out, content);
  } else if (one_of(tag.name, kCodeTags)) {
    out += "\n```\n" + strip_space(content) + "\n```\n";
  } else if (tag.name != "references") {
    ++lost["<" + tag.name + ">"];
  }
  return after;
}

// `__NOTOC__` and its kind: switches for MediaWiki's page layout.
std::size_t magic_word_end(std::string_view s, std::size_t i) {
  std::size_t j = i + 2;
  while (j < s.size() && j - i < 40 && std::isupper(static_cast<unsigned char>(s[j]))) ++j;
  if (j > i + 2 && s.substr(j, 2) == "__") return j + 2;
  return std::string_view::npos;
}

}  // namespace

std::string strip_unconvertible(std::string_view s, Lost& lost, int depth) {
  std::string out;
  out.reserve(s.size());
  std::size_t i = 0;
  while (i < s.size()) {
    if (s.substr(i, 4) == "<!--") {
      const std::size_t end = s.find("-->", i + 4);
      i = end == std::string_view::npos ? s.size() : end + 3;
    } else if (s.substr(i, 5) == "{{!}}") {
      out += '|';
      i += 5;
    } else if (s.substr(i, 2) == "{{") {
      const std::size_t end = template_end(s, i);
      if (end == std::string_view::npos) {  // never closed: the rest is text
        out += s.substr(i);
        break;
      }
      if (!convert_template(s.substr(i + 2, end - i - 4), depth, out, lost))
        ++lost[template_name(s, i + 2)];
      i = end;
    } else if (s[i] == '<') {
      i = take_tag(s, i, out, lost);
    } else if (s.substr(i, 2) == "__" && magic_word_end(s, i) != std::string_view::npos) {
      i = magic_word_end(s, i);
    } else {
      out += s[i++];
    }
  }
  return out;
}

}  // namespace kidwiki::import

// One line of wikitext to Markdown: quotes to emphasis, links, pictures; the rest is text, with
// Markdown's own characters escaped so that they stay text.
#include <algorithm>
#include <array>
#include <cctype>

#include "import/wikitext_parts.h"

namespace kidwiki::import {
namespace {

// How far a picture's closing `]]` is looked for: captions hold links, so the first `]]` may not
// be it, and a bounded look keeps a line of a million `[[File:` linear.
constexpr std::size_t kMaxPictureBytes = 4096;

constexpr std::array<std::string_view, 5> kUrlStarts = {"http://", "https://", "//", "ftp://",
                                                        "mailto:"};
// A picture's options in MediaWiki's English and French names: never its caption.
constexpr std::array<std::string_view, 22> kPictureOptions = {
    "thumb",   "thumbnail", "vignette", "frame", "cadre",    "frameless", "sans_cadre", "border",
    "bordure", "left",      "gauche",   "right", "droite",   "center",    "centre",     "none",
    "néant",   "upright",   "redresse", "mini",  "baseline", "middle"};

bool is_option(std::string_view part) {
  if (std::find(kPictureOptions.begin(), kPictureOptions.end(), part) != kPictureOptions.end()) {
    return true;
  }
  if (part.ends_with("px")) return true;  // 200px, x120px, 200x100px
  const std::size_t eq = part.find('=');  // alt=, link=, lien=, upright=, class=...
  return eq != std::string_view::npos && eq < 12 && part.find(' ') > eq;
}

std::string trimmed(std::string_view s) {
  while (!s.empty() && s.front() == ' ') s.remove_prefix(1);
  while (!s.empty() && s.back() == ' ') s.remove_suffix(1);
  return std::string(s);
}

// A label or caption as plain text: quotes dropped, `[[a|b]]` as "b", `[[a]]` as "a".
std::string plain(std::string_view s) {
  std::string out, link;  // `link`: the text of the link being read, its label once past a `|`
  bool in_link = false;
  for (std::size_t i = 0; i < s.size(); ++i) {
    if (s.substr(i, 2) == "''") {
      while (i + 1 < s.size() && s[i + 1] == '\'') ++i;
    } else if (s.substr(i, 2) == "[[") {
      if (in_link) out += link;
      in_link = true;
      link.clear();
      ++i;
    } else if (in_link && s.substr(i, 2) == "]]") {
      out += link;
      in_link = false;
      ++i;
    } else if (in_link && s[i] == '|') {
      link.clear();
    } else if (s[i] != '[' && s[i] != ']') {
      (in_link ? link : out) += s[i];
    }
  }
  if (in_link) out += link;
  return trimmed(out);
}

bool trail_byte(std::string_view s, std::size_t i) {
  const unsigned char c = static_cast<unsigned char>(s[i]);
  if (std::islower(c)) return true;
  // Latin-1 letters in UTF-8 (é, è, à, ç...): C3 followed by a continuation byte.
  return c == 0xC3 && i + 1 < s.size() && (static_cast<unsigned char>(s[i + 1]) & 0xC0) == 0x80;
}

// The letters glued after a link ("[[chat]]s"): MediaWiki makes them part of its label.
std::size_t trail_end(std::string_view s, std::size_t i) {
  while (i < s.size() && trail_byte(s, i)) i += static_cast<unsigned char>(s[i]) == 0xC3 ? 2 : 1;
  return i;
}

struct Line {
  std::string_view s;
  const WikitextNames& names;
  std::string out;
  bool bold = false, italic = false;
  // Where the next "]]" and "]" at or after a position are: cached, so that a line of a million
  // unclosed links is read once.
  std::size_t next_close = 0, next_bracket = 0;
  bool no_close = false, no_bracket = false;

  std::size_t bracket_after(std::size_t from) {
    if (no_bracket) return std::string_view::npos;
    if (next_bracket <= from) next_bracket = s.find(']', from);
    if (next_bracket == std::string_view::npos) no_bracket = true;
    return next_bracket;
  }

  std::size_t close_after(std::size_t from) {
    if (no_close) return std::string_view::npos;
    if (next_close < from) next_close = s.find("]]", from);
    if (next_close == std::string_view::npos) no_close = true;
    return next_close;
  }

  void toggle_italic() {
    out += '*';
    italic = !italic;
  }
  void toggle_bold() {
    out += "**";
    bold = !bold;
  }

  std::size_t quotes(std::size_t i) {
    std::size_t n = 0;
    while (i + n < s.size() && s[i + n] == '\'') ++n;
    std::size_t extra = n == 4 ? 1 : n > 5 ? n - 5 : 0;  // apostrophes shown before the markup
    out.append(extra, '\'');
    const std::size_t marks = n - extra;
    if (marks == 2) toggle_italic();
    if (marks == 3) toggle_bold();
    if (marks == 5) {
      if (italic)
        toggle_italic(), toggle_bold();
      else
        toggle_bold(), toggle_italic();
    }
    return i + n;
  }

  // `[[File:x.jpg|thumb|A caption]]` to `![A caption](File:x.jpg)`; npos when it does not close.
  std::size_t picture(std::size_t i, std::string_view name) {
    int depth = 0, single = 0;  // single: open `[` of a note's number or an external link
    std::size_t j = i, bar = std::string_view::npos;
    std::vector<std::string_view> parts;
    const std::size_t limit = std::min(s.size(), i + kMaxPictureBytes);
    for (; j + 1 < limit; ++j) {
      if (s.substr(j, 2) == "[[")
        ++depth, ++j;
      else if (s[j] == '[')
        ++single;
      else if (s[j] == ']' && single > 0)
        --single;
      else if (s.substr(j, 2) == "]]" && --depth == 0)
        break;
      else if (s.substr(j, 2) == "]]")
        ++j;
      else if (s[j] == '|' && depth == 1) {
        if (bar != std::string_view::npos) parts.push_back(s.substr(bar + 1, j - bar - 1));
        bar = j;
      }
    }
    if (j + 1 >= limit) return std::string_view::npos;
    if (bar != std::string_view::npos) parts.push_back(s.substr(bar + 1, j - bar - 1));
    std::string caption;
    for (auto part : parts) {
      if (!is_option(trimmed(part))) caption = plain(part);
    }
    const std::string file = names.file + ":" + trimmed(name);
    const bool spaced = file.find(' ') != std::string::npos;
    out += "![" + caption + "](" + (spaced ? "<" + file + ">" : file) + ")";
    return j + 2;
  }

  std::size_t wiki_link(std::size_t i) {
    const std::size_t close = close_after(i + 2);
    if (close == std::string_view::npos) {
      out += "\\[\\[";
      return i + 2;
    }
    const std::string_view inner = s.substr(i + 2, close - i - 2);
    const std::size_t bar = inner.find('|');
    const std::string target = trimmed(inner.substr(0, bar));
    std::string_view rest;
    if (has_prefix(target, names.source_file, rest)) {
      const std::size_t end = picture(i, rest);
      if (end != std::string_view::npos) return end;
    }
    if (has_prefix(target, names.source_category, rest)) {
      out += "[[" + names.category + ":" + std::string(rest) + "]]";
      return close + 2;
    }
    std::string label = bar == std::string_view::npos ? "" : plain(inner.substr(bar + 1));
    const std::size_t end = trail_end(s, close + 2);
    if (end > close + 2) {
      if (label.empty()) label = target;
      label += s.substr(close + 2, end - close - 2);
    }
    if (target.empty() && label.empty()) {
      out += "\\[\\[\\]\\]";
      return close + 2;
    }
    out += "[[" + target + (label.empty() ? "" : "|" + label) + "]]";
    return end;
  }

  bool url_at(std::size_t i) const {
    return std::any_of(kUrlStarts.begin(), kUrlStarts.end(),
                       [&](std::string_view start) { return s.substr(i, start.size()) == start; });
  }

  // `[https://x.org label]` to `[label](https://x.org)`.
  std::size_t external_link(std::size_t i) {
    const std::size_t close = bracket_after(i);
    if (close == std::string_view::npos) {
      out += "\\[";
      return i + 1;
    }
    const std::string_view inner = s.substr(i + 1, close - i - 1);
    const std::size_t space = inner.find(' ');
    std::string url(inner.substr(0, space));
    if (url.starts_with("//")) url = "https:" + url;
    const std::string label = space == std::string_view::npos ? "" : plain(inner.substr(space + 1));
    out += label.empty() ? "<" + url + ">" : "[" + label + "](" + url + ")";
    return close + 1;
  }

  void text(char c) {
    if (c == '*' || c == '_' || c == '`' || c == '\\' || c == '<' || c == '~' || c == '[' ||
        c == ']') {
      out += '\\';
    }
    out += c;
  }

  // "[12]", a note's number (wikitext_refs.cpp): never a Markdown link, so left as it is.
  std::size_t note_number(std::size_t i) const {
    std::size_t j = i + 1;
    while (j < s.size() && j - i < 6 && std::isdigit(static_cast<unsigned char>(s[j]))) ++j;
    return j > i + 1 && j < s.size() && s[j] == ']' ? j + 1 : std::string_view::npos;
  }

  void run() {
    std::size_t i = 0;
    while (i < s.size()) {
      if (s.substr(i, 2) == "''")
        i = quotes(i);
      else if (s[i] == '[' && note_number(i) != std::string_view::npos) {
        const std::size_t end = note_number(i);
        out += s.substr(i, end - i);
        i = end;
      } else if (s.substr(i, 2) == "[[")
        i = wiki_link(i);
      else if (s[i] == '[' && i + 1 < s.size() && url_at(i + 1))
        i = external_link(i);
      else
        text(s[i++]);
    }
    // MediaWiki closes what a line left open.
    if (italic) toggle_italic();
    if (bold) toggle_bold();
  }
};

}  // namespace

bool has_prefix(std::string_view target, const std::vector<std::string>& prefixes,
                std::string_view& rest) {
  const std::size_t colon = target.find(':');
  if (colon == std::string_view::npos || colon == 0) return false;
  std::string name(target.substr(0, colon));
  std::replace(name.begin(), name.end(), '_', ' ');
  auto same = [&](const std::string& prefix) {
    if (prefix.size() != name.size() || prefix.empty()) return false;
    return std::tolower(static_cast<unsigned char>(prefix[0])) ==
               std::tolower(static_cast<unsigned char>(name[0])) &&
           prefix.compare(1, std::string::npos, name, 1) == 0;
  };
  if (!std::any_of(prefixes.begin(), prefixes.end(), same)) return false;
  rest = target.substr(colon + 1);
  while (!rest.empty() && rest.front() == ' ') rest.remove_prefix(1);
  return true;
}

std::string convert_inline(std::string_view line, const WikitextNames& names) {
  Line converter{line, names, {}};
  converter.out.reserve(line.size() + line.size() / 8);
  converter.run();
  return std::move(converter.out);
}

}  // namespace kidwiki::import

#include "engine/title.h"

#include <algorithm>
#include <array>
#include <cstdint>
#include <cstdio>
#include <optional>
#include <utility>

#include "i18n/escape.h"
#include "i18n/text.h"

namespace kidwiki::engine {
namespace {

// MediaWiki's limit, so that exported titles fit its tables.
constexpr std::size_t kMaxTitleBytes = 255;
constexpr std::string_view kCanonicalTalk = "Talk";
constexpr std::string_view kCanonicalCategory = "Category";
constexpr std::string_view kCanonicalFile = "File";
constexpr std::string_view kLegacyFile = "Image";  // MediaWiki's name before 1.14, still in old texts
constexpr std::string_view kForbidden = "#<>[]|{}";
// Kept as is in a title's URL: unreserved characters plus the sub-delimiters that are safe in a
// path and common in titles. "'" is not among them: it would close a careless HTML attribute.
Error refuse(std::string id, i18n::MessageArgs args = {}) {
  return make_error(ErrorCode::invalid_title, std::move(id), std::move(args));
}

std::string code_label(char32_t c) {
  std::array<char, 16> buffer{};
  std::snprintf(buffer.data(), buffer.size(), "U+%04X", static_cast<unsigned>(c));
  return buffer.data();
}

bool is_control(char32_t c) { return c < 0x20 || (c >= 0x7F && c <= 0x9F); }

// Characters that change how text looks or flows without showing themselves: two titles that
// look the same must not name two pages.
bool is_invisible(char32_t c) {
  return (c >= 0x200B && c <= 0x200F) || (c >= 0x202A && c <= 0x202E) ||
         (c >= 0x2060 && c <= 0x2064) || (c >= 0x2066 && c <= 0x2069) || c == 0xFEFF ||
         c == 0x00AD || c == 0x061C;
}

bool is_forbidden(char32_t c) {
  return c < 0x80 && kForbidden.find(static_cast<char>(c)) != kForbidden.npos;
}

// Underscores and runs of white space become one space; none is left at either end.
std::u32string collapse_spaces(std::u32string_view s) {
  std::u32string out;
  out.reserve(s.size());
  bool pending_space = false;
  for (char32_t c : s) {
    if (c == U'_' || i18n::is_white_space(c)) {
      pending_space = !out.empty();
      continue;
    }
    if (pending_space) out.push_back(U' ');
    pending_space = false;
    out.push_back(c);
  }
  return out;
}

std::optional<Error> check_characters(std::u32string_view s) {
  for (char32_t c : s) {
    if (is_control(c)) return refuse("error-title-control-char", {{"code", code_label(c)}});
    if (is_invisible(c)) return refuse("error-title-invisible-char", {{"code", code_label(c)}});
    if (is_forbidden(c)) {
      return refuse("error-title-forbidden-char", {{"char", std::string(1, static_cast<char>(c))}});
    }
  }
  return std::nullopt;
}

bool is_hex(char c) {
  return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
}

// Refusing "%41" in a title means a URL is decoded exactly once: no title can decode further.
std::optional<Error> check_percent(std::string_view s) {
  for (std::size_t at = s.find('%'); at != s.npos; at = s.find('%', at + 1)) {
    if (at + 2 < s.size() && is_hex(s[at + 1]) && is_hex(s[at + 2])) {
      return refuse("error-title-percent", {{"sequence", std::string(s.substr(at, 3))}});
    }
  }
  return std::nullopt;
}

// Titles that a browser or a server would read as a step in a path ("..", "a/./b").
bool is_relative_path(std::string_view s) {
  return s == "." || s == ".." || s.starts_with("./") || s.starts_with("../") ||
         s.find("/./") != s.npos || s.find("/../") != s.npos || s.ends_with("/.") ||
         s.ends_with("/..");
}

std::string_view trim_spaces(std::string_view s) {
  while (s.starts_with(' ')) s.remove_prefix(1);
  while (s.ends_with(' ')) s.remove_suffix(1);
  return s;
}

struct Split {
  Namespace ns;
  std::string_view rest;
};

bool is_ascii(std::string_view s) {
  for (char c : s) {
    if (static_cast<unsigned char>(c) >= 0x80) return false;
  }
  return true;
}

char ascii_lower(char c) { return c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c; }

bool ascii_equal_ignoring_case(std::string_view a, std::string_view b) {
  if (a.size() != b.size()) return false;
  for (std::size_t i = 0; i < a.size(); ++i) {
    if (ascii_lower(a[i]) != ascii_lower(b[i])) return false;
  }
  return true;
}

// fold_case(prefix) == fold_case(name), asking ICU only when it must: equal bytes fold alike, and
// ICU's case folding of ASCII is ASCII lower case. `folded_prefix` is filled on first need.
bool same_name(std::string_view prefix, std::string& folded_prefix, std::string_view name) {
  if (prefix == name) return true;
  bool ascii_name = is_ascii(name);
  if (ascii_name && is_ascii(prefix)) return ascii_equal_ignoring_case(prefix, name);
  if (folded_prefix.empty()) {
    folded_prefix = is_ascii(prefix) ? std::string(prefix) : i18n::fold_case(prefix);
    for (char& c : folded_prefix) c = ascii_lower(c);
  }
  if (!ascii_name) return folded_prefix == i18n::fold_case(name);
  return ascii_equal_ignoring_case(folded_prefix, name);
}

// "catégorie : Animaux" -> {category, "Animaux"}: the localised or the English name, any case.
Split split_namespace(std::string_view s, const NamespaceNames& names) {
  std::size_t colon = s.find(':');
  if (colon == s.npos) return {Namespace::article, s};
  std::string_view prefix = trim_spaces(s.substr(0, colon));
  std::string folded_prefix;
  const std::pair<std::string_view, Namespace> known[] = {
      {names.talk, Namespace::talk},
      {kCanonicalTalk, Namespace::talk},
      {names.category, Namespace::category},
      {kCanonicalCategory, Namespace::category},
      {names.file, Namespace::file},
      {kCanonicalFile, Namespace::file},
      {kLegacyFile, Namespace::file}};
  for (const auto& [name, ns] : known) {
    if (!name.empty() && same_name(prefix, folded_prefix, name)) {
      return {ns, trim_spaces(s.substr(colon + 1))};
    }
  }
  return {Namespace::article, s};
}

// The namespace and the page name of text already normalised and checked character by character.
Result<Title> split_and_check(std::string_view text, std::string_view lang,
                              const NamespaceNames& names) {
  if (text.starts_with(':')) text = trim_spaces(text.substr(1));
  Split split = split_namespace(text, names);
  if (split.rest.empty()) return refuse("error-title-empty");
  if (split.rest.starts_with(':')) return refuse("error-title-leading-colon");
  if (is_relative_path(split.rest)) return refuse("error-title-relative-path");
  // NFC again: a new capital may compose with a following mark ("ı" + U+0307 -> "İ").
  std::string rest = i18n::to_nfc(i18n::upper_first(split.rest, lang));
  if (rest.size() > kMaxTitleBytes) {
    return refuse("error-title-too-long", {{"max", static_cast<std::int64_t>(kMaxTitleBytes)}});
  }
  return Title{split.ns, std::move(rest)};
}

// The bytes that may start a character that needs none of the slow path's work: printable ASCII but
// for the underscore, the forbidden characters, ':' (a namespace) and '%'; or U+00C0-U+02FF (two
// bytes led by 0xC3-0xCB), Latin letters with no space, control, invisible or combining character.
// Invariant: a string of these characters is already in NFC, and so is any pair of them.
constexpr std::array<bool, 256> kPlainBytes = [] {
  std::array<bool, 256> plain{};
  for (int c = 0x21; c < 0x7F; ++c) plain[c] = true;
  for (char c : kForbidden) plain[static_cast<unsigned char>(c)] = false;
  plain['_'] = plain[':'] = plain['%'] = false;
  for (int c = 0xC3; c <= 0xCB; ++c) plain[c] = true;
  return plain;
}();

// True when `s` holds only the characters above and single spaces between words: then NFC,
// space collapsing and every character check leave it as it is, and it names an article.
bool is_plain_title(std::string_view s) {
  if (s.empty() || s.front() == ' ' || s.back() == ' ') return false;
  for (std::size_t i = 0; i < s.size(); ++i) {
    auto c = static_cast<unsigned char>(s[i]);
    if (c == ' ' && s[i + 1] != ' ') continue;
    if (!kPlainBytes[c]) return false;
    if (c < 0x80) continue;
    if (++i == s.size() || (static_cast<unsigned char>(s[i]) & 0xC0) != 0x80) return false;
  }
  return true;
}

// i18n::upper_first without its call for the usual first letters: ASCII letters capitalise alike in
// every language, but for 'i' (Turkish and Azeri "İ"), which is left to it.
std::string capitalised(std::string_view text, std::string_view lang) {
  char first = text[0];
  if (static_cast<unsigned char>(first) >= 0x80 || first == 'i') {
    return i18n::upper_first(text, lang);
  }
  std::string out(text);
  out[0] = static_cast<char>(first >= 'a' && first <= 'z' ? first - 'a' + 'A' : first);
  return out;
}

// The common case, typed text in NFC with nothing to tidy: the same result as the full path,
// without converting to code points and back.
Result<Title> parse_plain_title(std::string_view text, std::string_view lang) {
  if (text.find('.') != text.npos && is_relative_path(text)) {
    return refuse("error-title-relative-path");
  }
  std::string rest = capitalised(text, lang);
  // Only a capital outside the plain set could compose with what follows. An ASCII capital is
  // plain, and the rest is the plain text as it was.
  bool ascii_capital = static_cast<unsigned char>(rest[0]) < 0x80;
  if (!ascii_capital && !is_plain_title(rest)) rest = i18n::to_nfc(rest);
  if (rest.size() > kMaxTitleBytes) {
    return refuse("error-title-too-long", {{"max", static_cast<std::int64_t>(kMaxTitleBytes)}});
  }
  return Title{Namespace::article, std::move(rest)};
}

std::string_view prefix_of(Namespace ns, const NamespaceNames& names) {
  switch (ns) {
    case Namespace::talk:
      return names.talk;
    case Namespace::category:
      return names.category;
    case Namespace::file:
      return names.file;
    case Namespace::article:
      break;
  }
  return {};
}

}  // namespace

Result<Title> parse_title(std::string_view raw, std::string_view lang,
                          const NamespaceNames& names) {
  if (is_plain_title(raw)) return parse_plain_title(raw, lang);
  if (!i18n::is_valid_utf8(raw)) return refuse("error-title-invalid-utf8");
  std::u32string chars = collapse_spaces(i18n::to_utf32(i18n::to_nfc(raw)));
  if (auto error = check_characters(chars)) return *error;
  std::string text = i18n::to_utf8(chars);
  if (auto error = check_percent(text)) return *error;
  return split_and_check(text, lang, names);
}

std::string full_title(const Title& title, const NamespaceNames& names) {
  std::string_view prefix = prefix_of(title.ns, names);
  if (prefix.empty()) return title.text;
  return std::string(prefix) + ":" + title.text;
}

std::string title_to_url(const Title& title, const NamespaceNames& names) {
  std::string text = full_title(title, names);
  std::replace(text.begin(), text.end(), ' ', '_');
  return i18n::percent_encoded(text, i18n::UrlPart::title);
}

Title talk_page_of(const Title& article) {
  if (article.ns != Namespace::article) return article;
  return Title{Namespace::talk, article.text};
}

Title subject_page_of(const Title& talk) {
  if (talk.ns != Namespace::talk) return talk;
  return Title{Namespace::article, talk.text};
}

}  // namespace kidwiki::engine

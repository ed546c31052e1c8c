// The templates whose meaning needs no other page: dashes and spaces, units and dates, "main
// article" notes and, above all, citations, which fill most real `<ref>` notes (the first real
// Wikipedia history imported lost 57 sources to `{{cite book}}` and its kind). Each becomes the
// wikitext it stands for, which the later passes convert like the rest; every other template is
// dropped by the caller and named in the report.
#include <algorithm>
#include <array>
#include <cctype>
#include <optional>

#include "import/wikitext_parts.h"

namespace kidwiki::import {
namespace {

// Past this size or this depth a template is not looked into, so that nested templates are read
// a bounded number of times and the converter stays linear.
constexpr std::size_t kMaxConvertedBytes = 8192;
constexpr int kMaxDepth = 3;

struct Call {
  std::string name;                     // lower case (ASCII), spaces for underscores
  std::vector<std::string> positional;  // converted values
  std::vector<std::pair<std::string, std::string>> named;

  std::string get(std::initializer_list<std::string_view> keys) const {
    for (auto key : keys) {
      for (const auto& [k, v] : named) {
        if (k == key && !v.empty()) return v;
      }
    }
    return "";
  }
  std::string at(std::size_t i) const { return i < positional.size() ? positional[i] : ""; }
};

std::string normal_name(std::string_view raw) {
  std::string name;
  for (char c : strip_space(raw)) {
    const char lower =
        c == '_' ? ' ' : static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    if (lower == ' ' && !name.empty() && name.back() == ' ') continue;
    name += lower;
  }
  return name;
}

// The parts between top-level bars: a bar inside a nested template or link is not one.
std::vector<std::string_view> split_parts(std::string_view inner) {
  std::vector<std::string_view> parts;
  int braces = 0, brackets = 0;
  std::size_t start = 0;
  for (std::size_t i = 0; i < inner.size(); ++i) {
    const std::string_view two = inner.substr(i, 2);
    if (two == "{{")
      ++braces, ++i;
    else if (two == "}}")
      braces = std::max(0, braces - 1), ++i;
    else if (two == "[[")
      ++brackets, ++i;
    else if (two == "]]")
      brackets = std::max(0, brackets - 1), ++i;
    else if (inner[i] == '|' && braces == 0 && brackets == 0) {
      parts.push_back(inner.substr(start, i - start));
      start = i + 1;
    }
  }
  parts.push_back(inner.substr(start));
  return parts;
}

std::string one_line(std::string s) {
  std::replace(s.begin(), s.end(), '\n', ' ');
  return strip_space(s);
}

Call read_call(std::string_view inner, int depth, Lost& lost) {
  const auto parts = split_parts(inner);
  Call call;
  call.name = normal_name(parts.front());
  for (std::size_t i = 1; i < parts.size(); ++i) {
    const std::string value = one_line(strip_unconvertible(parts[i], lost, depth + 1));
    const std::size_t eq = parts[i].find('=');
    const bool is_named = eq != std::string_view::npos &&
                          parts[i].substr(0, eq).find_first_of("{[<") == std::string_view::npos;
    if (is_named) {
      const std::size_t value_eq = value.find('=');
      call.named.emplace_back(
          normal_name(parts[i].substr(0, eq)),
          value_eq == std::string::npos ? value : strip_space(value.substr(value_eq + 1)));
    } else {
      call.positional.push_back(value);
    }
  }
  return call;
}

// `[[a|b]]` as "b" and `[[a]]` as "a": a title inside an external link's label cannot be a link.
std::string unlinked(std::string_view s) {
  std::string out;
  for (std::size_t i = 0; i < s.size(); ++i) {
    if (s.substr(i, 2) == "[[") {
      const std::size_t close = s.find("]]", i + 2);
      if (close == std::string_view::npos) break;
      const std::string_view inner = s.substr(i + 2, close - i - 2);
      const std::size_t bar = inner.rfind('|');
      out += bar == std::string_view::npos ? inner : inner.substr(bar + 1);
      i = close + 1;
    } else {
      out += s[i];
    }
  }
  return out;
}

std::string authors_of(const Call& c) {
  std::string authors = c.get({"author", "authors", "auteur", "auteur1", "author1", "auteurs"});
  if (authors.empty()) {
    const std::string last = c.get({"last", "last1", "nom", "nom1", "surname"});
    const std::string first = c.get({"first", "first1", "prénom", "prénom1", "given"});
    authors = last.empty() ? first : first.empty() ? last : last + ", " + first;
  }
  return authors;
}

// `{{cite book|last=Purkis|first=Jon|title=Changing Anarchism|publisher=MUP|year=2004}}`:
// "Purkis, Jon. ''Changing Anarchism''. MUP, 2004." The order of the usual citation styles.
std::string citation(const Call& c) {
  std::vector<std::string> parts;
  if (auto authors = authors_of(c); !authors.empty()) parts.push_back(authors);
  if (auto chapter = c.get({"chapter", "chapitre", "contribution"}); !chapter.empty())
    parts.push_back("\"" + chapter + "\"");
  const std::string title = c.get({"title", "titre", "trans-title", "titre original"});
  const std::string url = c.get({"url", "lire en ligne", "url texte", "chapter-url"});
  if (!title.empty())
    parts.push_back(url.empty() ? "''" + title + "''" : "[" + url + " " + unlinked(title) + "]");
  else if (!url.empty())
    parts.push_back("[" + url + "]");
  if (auto work = c.get({"work", "website", "journal", "newspaper", "magazine", "encyclopedia",
                         "périodique", "site", "ouvrage", "revue"});
      !work.empty())
    parts.push_back("''" + work + "''");
  std::string published = c.get({"publisher", "éditeur", "editeur", "maison d'édition"});
  const std::string when = c.get({"date", "year", "année", "annee"});
  if (!when.empty()) published += (published.empty() ? "" : ", ") + when;
  if (!published.empty()) parts.push_back(published);
  if (auto pages = c.get({"pages", "page", "passage", "p."}); !pages.empty())
    parts.push_back("p. " + pages);
  if (auto isbn = c.get({"isbn", "isbn1"}); !isbn.empty()) parts.push_back("ISBN " + isbn);
  std::string out;
  for (const auto& part : parts) out += (out.empty() ? "" : ". ") + part;
  return out.empty() ? out : out + ".";
}

constexpr std::array<std::string_view, 12> kCitations = {
    "cite book",         "cite web",      "cite journal",    "cite news",
    "cite encyclopedia", "cite magazine", "cite conference", "lien web",
    "ouvrage",           "article",       "chapitre",        "lien brisé"};
constexpr std::array<std::string_view, 12> kMainArticles = {"main",
                                                            "main article",
                                                            "see also",
                                                            "seealso",
                                                            "further",
                                                            "details",
                                                            "article détaillé",
                                                            "articles détaillés",
                                                            "article connexe",
                                                            "articles connexes",
                                                            "voir aussi",
                                                            "loupe"};
// Layout only, or the list of notes, which the converter writes anyway: nothing is lost.
constexpr std::array<std::string_view, 10> kNothing = {
    "-",       "clear",      "clr",        "clear left", "clear right",
    "reflist", "references", "références", "notes",      "clearleft"};

std::string main_articles(const Call& c) {
  std::string out;
  for (const auto& title : c.positional) {
    if (!title.empty()) out += (out.empty() ? "→ " : ", ") + ("[[" + title + "]]");
  }
  return out;
}

// `{{unité|32|nm}}` "32 nm", `{{unité|1|km|2}}` "1 km²".
std::string unit(const Call& c) {
  std::string out = c.at(0);
  if (!c.at(1).empty()) out += "\xC2\xA0" + c.at(1);
  if (c.at(2) == "2") out += "\xC2\xB2";
  if (c.at(2) == "3") out += "\xC2\xB3";
  return out;
}

std::optional<std::string> convert(const Call& c) {
  const std::string& n = c.name;
  if (n == "ndash" || n == "–") return "–";
  if (n == "mdash" || n == "—") return "—";
  if (n == "nbsp" || n == "nbsp;") return "\xC2\xA0";
  if (n == ",") return ",";
  if (n == "·" || n == "middot" || n == "dot") return " · ";
  if (one_of(n, kNothing)) return "";
  if (n == "nowrap" || n == "nobr" || n == "formatnum:") return c.at(0);
  if (n.starts_with("formatnum:")) return strip_space(std::string_view(n).substr(10));
  if (n == "lang" || n == "langue") return c.at(1);
  if (n == "unité" || n == "nombre" || n == "nb") return unit(c);
  if (n == "date" || n == "date-") {
    std::string out = c.at(0);
    for (std::size_t i = 1; i < 3 && !c.at(i).empty(); ++i) out += " " + c.at(i);
    return out;
  }
  if (one_of(n, kMainArticles)) return main_articles(c);
  if (one_of(n, kCitations) || ((n == "citation" || n == "cite") && !c.get({"title"}).empty()))
    return citation(c);
  if (n == "citation" || n == "quote") {
    const std::string said = c.at(0).empty() ? c.get({"text", "texte"}) : c.at(0);
    return said.empty() ? said : "« " + said + " »";
  }
  if (n == "lien") {
    const std::string target = c.get({"fr"}).empty() ? c.at(0) : c.get({"fr"});
    const std::string label = c.get({"texte"});
    if (target.empty()) return label;
    return "[[" + target + (label.empty() ? "" : "|" + label) + "]]";
  }
  return std::nullopt;
}

}  // namespace

bool convert_template(std::string_view inner, int depth, std::string& out, Lost& lost) {
  if (depth >= kMaxDepth || inner.size() > kMaxConvertedBytes) return false;
  const std::size_t name_end = inner.find('|');
  const std::string name = normal_name(inner.substr(0, name_end));
  // Only a known name is looked into: the values of an infobox are never converted for nothing.
  Call probe;
  probe.name = name;
  if (!convert(probe)) return false;
  Lost inner_lost;
  auto converted = convert(read_call(inner, depth, inner_lost));
  if (!converted) return false;
  for (const auto& [what, count] : inner_lost) lost[what] += count;
  out += *converted;
  return true;
}

}  // namespace kidwiki::import

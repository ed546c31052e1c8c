// The keeper of safe HTML: whatever a pupil types, the page can run no script, load no outside
// image and break out of no attribute. Checked row by row on known tricks, then on random input.
#include <doctest/doctest.h>

#include <algorithm>
#include <random>
#include <string>
#include <string_view>
#include <vector>

#include "engine/render.h"

namespace kidwiki::engine {
namespace {

RenderContext english() { return {"en", NamespaceNames{}, {"en", "fr"}}; }

std::string lower(std::string_view s) {
  std::string out(s);
  std::transform(out.begin(), out.end(), out.begin(), [](unsigned char c) {
    return static_cast<char>(c >= 'A' && c <= 'Z' ? c - 'A' + 'a' : c);
  });
  return out;
}

// Named entities the renderers write, and every numeric one, as a browser decodes them.
std::string decode_entities(std::string_view value) {
  const std::pair<std::string_view, char> named[] = {
      {"&amp;", '&'}, {"&quot;", '"'}, {"&lt;", '<'}, {"&gt;", '>'}, {"&#39;", '\''}};
  std::string out;
  for (std::size_t i = 0; i < value.size(); ++i) {
    char c = value[i];
    for (const auto& [entity, ch] : named) {
      if (value.substr(i, entity.size()) == entity) {
        c = ch;
        i += entity.size() - 1;
        break;
      }
    }
    std::size_t semicolon = value.find(';', i);
    if (c == '&' && value.substr(i, 2) == "&#" && semicolon != std::string_view::npos) {
      bool hex = value.substr(i, 3) == "&#x" || value.substr(i, 3) == "&#X";
      std::string digits(value.substr(i + (hex ? 3 : 2), semicolon - i - (hex ? 3 : 2)));
      c = static_cast<char>(std::stoi(digits, nullptr, hex ? 16 : 10));
      i = semicolon;
    }
    out += c;
  }
  return out;
}

// Empty when the URL is allowed in an href, else why not.
std::string href_problem(std::string_view raw) {
  std::string url = lower(decode_entities(raw));
  for (char c : url) {
    if (static_cast<unsigned char>(c) <= 0x20) return "space or control in href";
  }
  // As a browser reads it: a scheme is a letter then letters, digits, + - or ., then ':'.
  std::size_t colon = url.find(':');
  if (colon == std::string::npos || colon == 0 || !(url[0] >= 'a' && url[0] <= 'z')) return "";
  std::string scheme = url.substr(0, colon);
  if (scheme.find_first_not_of("abcdefghijklmnopqrstuvwxyz0123456789+-.") != std::string::npos) {
    return "";
  }
  if (scheme == "http" || scheme == "https" || scheme == "mailto") return "";
  return "scheme " + scheme;
}

std::string src_problem(std::string_view raw) {
  std::string url = decode_entities(raw);
  if (url.size() < 2 || url[0] != '/' || url[1] == '/' || url[1] == '\\') {
    return "image from outside: " + url;
  }
  return "";
}

bool is_name_char(char c) { return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-'; }

std::string_view read_name(std::string_view html, std::size_t& i) {
  std::size_t begin = i;
  while (i < html.size() && is_name_char(html[i])) ++i;
  return html.substr(begin, i - begin);
}

// What an attribute's value may be when only a few are allowed: empty when it is.
std::string value_problem(std::string_view tag, std::string_view name, std::string_view value) {
  if (name == "align" && value != "left" && value != "center" && value != "right") {
    return "align=" + std::string(value);
  }
  if (name == "type" && value != "checkbox") return "input type " + std::string(value);
  if ((name == "checked" || name == "disabled") && !value.empty()) return "value of " + std::string(name);
  if ((name == "type" || name == "checked" || name == "disabled") != (tag == "input")) {
    return std::string(name) + " on <" + std::string(tag);
  }
  return "";
}

// A task list's box is a disabled checkbox and nothing else: a pupil's page holds no form.
std::string input_problem(std::string_view attributes) {
  if (attributes.find(" type=\"checkbox\"") == std::string_view::npos) return "input not a checkbox";
  if (attributes.find(" disabled=\"\"") == std::string_view::npos) return "input not disabled";
  return "";
}

// Checks one tag starting at html[i] == '<'; advances i past it. Empty when it is allowed.
std::string tag_problem(std::string_view html, std::size_t& i) {
  static const std::vector<std::string_view> kTags = {
      "p",  "em", "strong", "a",    "ul",  "ol",         "li", "h1", "h2",  "h3",
      "h4", "h5", "h6",     "code", "pre", "blockquote", "hr", "br", "img", "nav",
      "table", "thead", "tbody", "tr", "th", "td", "del", "input"};
  static const std::vector<std::string_view> kAttributes = {
      "href", "src", "alt", "title", "id", "class", "rel", "data-wl", "start",
      "align", "type", "checked", "disabled"};
  constexpr std::string_view kOmitted = "<!-- raw HTML omitted -->";
  if (html.substr(i, kOmitted.size()) == kOmitted) {
    i += kOmitted.size();
    return "";
  }
  ++i;
  if (i < html.size() && html[i] == '/') ++i;
  std::string_view tag = read_name(html, i);
  if (std::find(kTags.begin(), kTags.end(), tag) == kTags.end()) return "tag <" + std::string(tag);
  const std::size_t attributes_start = i;
  auto end_of_tag = [&](std::size_t length) {
    std::string problem =
        tag == "input" ? input_problem(html.substr(attributes_start, i - attributes_start)) : "";
    i += length;
    return problem;
  };
  for (;;) {
    while (i < html.size() && html[i] == ' ') ++i;
    if (html.substr(i, 1) == ">") return end_of_tag(1);
    if (html.substr(i, 2) == "/>") return end_of_tag(2);
    std::string_view name = read_name(html, i);
    if (std::find(kAttributes.begin(), kAttributes.end(), name) == kAttributes.end()) {
      return "attribute " + std::string(name);
    }
    if (html.substr(i, 2) != "=\"") return "unquoted attribute " + std::string(name);
    std::size_t close = html.find('"', i + 2);
    if (close == std::string_view::npos) return "unclosed attribute";
    std::string_view value = html.substr(i + 2, close - i - 2);
    if (value.find('<') != std::string_view::npos) return "< in attribute";
    std::string problem = name == "href"  ? href_problem(value)
                          : name == "src" ? src_problem(value)
                                          : value_problem(tag, name, value);
    if (!problem.empty()) return problem;
    i = close + 1;
  }
}

// Empty when `html` holds only allowed tags and attributes, with every attribute quoted and every
// quote, < and > of text escaped; else the first problem found.
std::string safety_problem(std::string_view html) {
  for (std::size_t i = 0; i < html.size();) {
    if (html[i] == '<') {
      if (std::string problem = tag_problem(html, i); !problem.empty()) return problem;
    } else if (html[i] == '"' || html[i] == '>') {
      return "unescaped " + std::string(1, html[i]) + " in text";
    } else {
      ++i;
    }
  }
  if (lower(html).find("<script") != std::string::npos) return "<script";
  return "";
}

struct SafetyCase {
  const char* name;
  const char* markdown;
  const char* expected_html;  // exact output, or nullptr when only the invariants are checked
};

TEST_CASE("render safety: known tricks come out harmless") {
  const SafetyCase cases[] = {
      {"script block", "<script>alert(1)</script>", "<!-- raw HTML omitted -->\n"},
      {"raw HTML block", "<div onclick=\"alert(1)\">x</div>", "<!-- raw HTML omitted -->\n"},
      {"img onerror block", "<img src=x onerror=alert(1)>", "<!-- raw HTML omitted -->\n"},
      {"img onerror inline", "a <img src=x onerror=alert(1)> b",
       "<p>a <!-- raw HTML omitted --> b</p>\n"},
      {"raw anchor", "<a href=\"javascript:alert(1)\">x</a>",
       "<p><!-- raw HTML omitted -->x<!-- raw HTML omitted --></p>\n"},
      {"javascript link", "[x](javascript:alert(1))", "<p>x</p>\n"},
      {"mixed case javascript", "[x](JaVaScRiPt:alert(1))", "<p>x</p>\n"},
      {"tab inside scheme", "[x](<java\tscript:alert(1)>)", "<p>x</p>\n"},
      {"tab entity inside scheme", "[x](java&#x09;script:alert(1))", "<p>x</p>\n"},
      {"leading newline entity", "[x](&#x0A;javascript:alert(1))", "<p>x</p>\n"},
      {"leading control", "[x](&#x01;javascript:alert(1))", "<p>x</p>\n"},
      {"entity letters", "[x](&#106;avascript:alert(1))", "<p>x</p>\n"},
      {"colon entity", "[x](javascript&colon;alert(1))", "<p>x</p>\n"},
      {"vbscript", "[x](VBScript:msgbox(1))", "<p>x</p>\n"},
      {"data link", "[x](data:text/html;base64,PHNjcmlwdD4=)", "<p>x</p>\n"},
      {"file link", "[x](file:///etc/passwd)", "<p>x</p>\n"},
      {"reference link", "[x][r]\n\n[r]: javascript:alert(1)", "<p>x</p>\n"},
      {"autolink javascript", "<javascript:alert(1)>", "<p>javascript:alert(1)</p>\n"},
      {"http link", "[x](http://example.org/a?b=1&c=2)",
       "<p><a href=\"http://example.org/a?b=1&amp;c=2\" rel=\"nofollow noopener noreferrer\" "
       "class=\"external\">x</a></p>\n"},
      {"protocol-relative link", "[x](//example.org)",
       "<p><a href=\"//example.org\" rel=\"nofollow noopener noreferrer\" "
       "class=\"external\">x</a></p>\n"},
      {"mailto link", "[mail](MAILTO:a@example.org)",
       "<p><a href=\"MAILTO:a@example.org\" rel=\"nofollow noopener noreferrer\" "
       "class=\"external\">mail</a></p>\n"},
      {"relative link", "[x](/fr/wiki/Lion)", "<p><a href=\"/fr/wiki/Lion\">x</a></p>\n"},
      {"quote in link URL", "[x](http://a.example/\"onmouseover=\"alert(1))",
       "<p><a href=\"http://a.example/%22onmouseover=%22alert(1)\" "
       "rel=\"nofollow noopener noreferrer\" class=\"external\">x</a></p>\n"},
      {"quote in link title", "[x](/a \"t&quot; onmouseover=&quot;alert(1)\")",
       "<p><a href=\"/a\" title=\"t&quot; onmouseover=&quot;alert(1)\">x</a></p>\n"},
      {"angle brackets in link URL", "[x](</a<b>c>)", nullptr},
      {"data image", "![x](data:image/png;base64,AAAA)", "<p>x</p>\n"},
      {"http image", "![a cat](http://evil.example/a.png)", "<p>a cat</p>\n"},
      {"protocol-relative image", "![x](//evil.example/a.png)", "<p>x</p>\n"},
      {"backslash image", "![x](/\\evil.example/a.png)", "<p>x</p>\n"},
      {"javascript image", "![x](javascript:alert(1))", "<p>x</p>\n"},
      {"relative image without slash", "![x](a.png)", "<p>x</p>\n"},
      {"local image", "![a lion](/media/lion.png)",
       "<p><img src=\"/media/lion.png\" alt=\"a lion\" /></p>\n"},
      {"quote in image title", "![x](/a.png \"t&quot; onerror=&quot;alert(1)\")", nullptr},
      {"outside image in a link", "[![x](http://e.example/a.png)](/b)",
       "<p><a href=\"/b\">x</a></p>\n"},
      {"html in wiki label", "[[Lion|\"><script>alert(1)</script>]]", nullptr},
      {"quotes in wiki label", "[[Lion|a \"quoted\" label]]",
       "<p><a data-wl=\"0:Lion\">a &quot;quoted&quot; label</a></p>\n"},
      {"quote in wiki target", "[[a\"b]]", "<p><a data-wl=\"0:A&quot;b\">a&quot;b</a></p>\n"},
      {"apostrophe in wiki target", "[[l'eau]]", "<p><a data-wl=\"0:L&#39;eau\">l'eau</a></p>\n"},
      {"script entity in wiki target", "[[&lt;script&gt;]]", "<p>[[&lt;script&gt;]]</p>\n"},
      {"quote in section link", "[[#a&quot;b]]", "<p><a href=\"#a&quot;b\">#a&quot;b</a></p>\n"},
      {"quote in heading", "## He said \"hi\" & left",
       "<h2 id=\"He_said_&quot;hi&quot;_&amp;_left\">He said &quot;hi&quot; &amp; left</h2>\n"},
      {"forged placeholder", "\\<a data-wl=\"0:Lion\">x",
       "<p>&lt;a data-wl=&quot;0:Lion&quot;&gt;x</p>\n"},
      {"script in code span", "`<script>`", "<p><code>&lt;script&gt;</code></p>\n"},
      {"script in code block", "```\n<script>\n```", "<pre><code>&lt;script&gt;\n</code></pre>\n"},
      {"script in info string", "```\"><script>\nx\n```", nullptr},
      {"entity text", "&lt;script&gt; &#60;b&#62;", "<p>&lt;script&gt; &lt;b&gt;</p>\n"},
      {"html comment", "<!-- <script> -->", "<!-- raw HTML omitted -->\n"},
      // Tables, strikethrough and task lists (issue 12): their cells and items are ordinary
      // inline text, so every rule above holds inside them.
      {"raw HTML in a table cell", "| a |\n|---|\n| <script>alert(1)</script> |",
       "<table>\n<thead>\n<tr>\n<th>a</th>\n</tr>\n</thead>\n<tbody>\n<tr>\n"
       "<td><!-- raw HTML omitted -->alert(1)<!-- raw HTML omitted --></td>\n</tr>\n"
       "</tbody>\n</table>\n"},
      {"raw HTML in a table header", "| <img src=x onerror=alert(1)> |\n|---|",
       "<table>\n<thead>\n<tr>\n<th><!-- raw HTML omitted --></th>\n</tr>\n</thead>\n"
       "</table>\n"},
      {"javascript link in a cell", "| a |\n|:-:|\n| [x](javascript:alert(1)) |",
       "<table>\n<thead>\n<tr>\n<th align=\"center\">a</th>\n</tr>\n</thead>\n<tbody>\n"
       "<tr>\n<td align=\"center\">x</td>\n</tr>\n</tbody>\n</table>\n"},
      {"outside image in a cell", "| ![x](http://evil.example/a.png) |\n|---|",
       "<table>\n<thead>\n<tr>\n<th>x</th>\n</tr>\n</thead>\n</table>\n"},
      {"raw block where a row would be", "| a |\n|---|\n<div onclick=\"x\">", nullptr},
      {"style-like text in a delimiter row", "| a |\n|:-\" style=\"x:y|", nullptr},
      {"quote and script in a cell with a wiki label",
       "| a |\n|---|\n| [[Lion\\|\"><script>x</script>]] |", nullptr},
      {"raw HTML in strikethrough", "~~<script>alert(1)</script>~~",
       "<p><del><!-- raw HTML omitted -->alert(1)<!-- raw HTML omitted --></del></p>\n"},
      {"javascript link in strikethrough", "~~[x](javascript:alert(1))~~",
       "<p><del>x</del></p>\n"},
      {"raw input after a task box", "- [x] <input type=\"checkbox\" onclick=\"x\">",
       "<ul>\n<li><input type=\"checkbox\" checked=\"\" disabled=\"\" /> "
       "<!-- raw HTML omitted --></li>\n</ul>\n"},
      {"javascript link in a task item", "- [ ] [x](javascript:alert(1))",
       "<ul>\n<li><input type=\"checkbox\" disabled=\"\" /> x</li>\n</ul>\n"},
  };
  for (const SafetyCase& row : cases) {
    INFO(row.name);
    Result<RenderResult> result = render_markdown(row.markdown, english());
    REQUIRE(result.ok());
    CHECK(safety_problem(result->html) == "");
    if (row.expected_html != nullptr) CHECK(result->html == row.expected_html);
  }
}

// cmark's custom nodes are written verbatim even in safe mode: the checker must see that, or a
// change that let user text into on_enter would go unnoticed.
TEST_CASE("render safety: the checker itself refuses what it must") {
  const char* const unsafe[] = {"<script>x</script>",
                                "<p onclick=\"x\">a</p>",
                                "<a href=\"javascript:x\">a</a>",
                                "<a href=\"java&#x0a;script:x\">a</a>",
                                "<img src=\"http://e/a.png\" />",
                                "<p>a\"b</p>",
                                "<a href=x>a</a>",
                                "<iframe src=\"/x\">",
                                "<p title=\"<b>\">a</p>",
                                "<a href=\"vbscript:x\">a</a>",
                                "<a href=\"data:text/html,x\">a</a>",
                                "<td style=\"color:red\">a</td>",
                                "<th align=\"x\">a</th>",
                                "<input type=\"checkbox\" />",
                                "<input type=\"text\" disabled=\"\" />",
                                "<input disabled=\"\" />",
                                "<li type=\"checkbox\">a</li>",
                                "<form>"};
  for (const char* html : unsafe) {
    CAPTURE(html);
    CHECK(safety_problem(html) != "");
  }
}

TEST_CASE("render safety: random markdown-ish input never breaks the invariants") {
  const std::vector<std::string> pieces = {"[[",   "]]",          "|",          "#",
                                           "# ",   "*",           "**",         "_",
                                           "`",    "```",         "<",          ">",
                                           "\n",   "\n\n",        " ",          "  \n",
                                           "a",    "Lion",        "é",          "日本",
                                           "🦁", "![",          "](",         ")",
                                           "[",    "]",           "(",          "\"",
                                           "'",    "&",           "&amp;",      "&quot;",
                                           "&#",   "javascript:", "data:",      "http://e.example/",
                                           "/",    "//",          "\\",         "- ",
                                           "1. ",  "> ",          "#REDIRECT ", "Category:",
                                           ":",    "fr:",         "<script>",   "<img onerror=x>",
                                           "\t",   "\xff",        "\xc3",       "<a data-wl=\"",
                                           "%22",  "    ",        "|---|",      "|:-:",
                                           "| ",   " |\n",        "~~",         "- [ ] ",
                                           "- [x] ", "\\|"};
  std::mt19937 random(20261129);
  for (int round = 0; round < 3000; ++round) {
    std::string markdown;
    int count = static_cast<int>(random() % 40);
    for (int i = 0; i < count; ++i) markdown += pieces[random() % pieces.size()];
    CAPTURE(markdown);
    Result<RenderResult> result = render_markdown(markdown, english());
    if (!result.ok()) {
      CHECK(result.error().message_id == "error-markdown-too-deep");
      continue;
    }
    CHECK(safety_problem(result->html) == "");
  }
}

}  // namespace
}  // namespace kidwiki::engine

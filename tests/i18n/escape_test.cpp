// The one HTML escaper and the one percent-encoder of the program: one row per case.
#include <doctest/doctest.h>

#include <string>

#include "i18n/escape.h"

using kidwiki::i18n::UrlPart;

TEST_CASE("html_escaped: the five characters that matter, and nothing else") {
  struct Row {
    const char* in;
    const char* out;
  };
  const Row rows[] = {
      {"", ""},
      {"plain text", "plain text"},
      {"<script>", "&lt;script&gt;"},
      {"a & b", "a &amp; b"},
      {"\"quoted\" 'single'", "&quot;quoted&quot; &#39;single&#39;"},
      {"éléphant", "éléphant"},
      // Long enough for the sixteen-byte path, with specials on both sides of a block boundary.
      {"0123456789abcde<f0123456789abcde>", "0123456789abcde&lt;f0123456789abcde&gt;"},
  };
  for (const auto& row : rows) {
    CAPTURE(row.in);
    CHECK(kidwiki::i18n::html_escaped(row.in) == row.out);
  }
  std::string cmark_text;
  kidwiki::i18n::append_text_escaped(cmark_text, "l'<a>");
  CHECK(cmark_text == "l'&lt;a&gt;");  // cmark leaves the apostrophe
}

TEST_CASE("percent_encoded: each part of a URL keeps its own bytes") {
  struct Row {
    UrlPart part;
    const char* in;
    const char* out;
  };
  const Row rows[] = {
      {UrlPart::component, "a b&c=d/é", "a%20b%26c%3Dd%2F%C3%A9"},
      {UrlPart::component, "-_.~", "-_.~"},
      {UrlPart::title, "Catégorie:Chats_(félins)", "Cat%C3%A9gorie:Chats_(f%C3%A9lins)"},
      {UrlPart::title, "A?b#c", "A%3Fb%23c"},
      {UrlPart::url, "/fr/wiki/Chat?action=edit&x=%41", "/fr/wiki/Chat?action=edit&x=%41"},
      {UrlPart::url, "/a b\"<>{}é", "/a%20b%22%3C%3E%7B%7D%C3%A9"},
      {UrlPart::printable, "GET /a b\n\x7f", "GET%20/a%20b%0A%7F"},
  };
  for (const auto& row : rows) {
    CAPTURE(row.in);
    CHECK(kidwiki::i18n::percent_encoded(row.in, row.part) == row.out);
  }
  CHECK(kidwiki::i18n::href_escaped("/x?a=1&b='2'") == "/x?a=1&amp;b=&#39;2&#39;");
}

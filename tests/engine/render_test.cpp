// render_markdown: Markdown and the wiki's extensions, one row per behaviour.
#include "engine/render.h"

#include <doctest/doctest.h>

#include <random>
#include <string>
#include <vector>

namespace kidwiki::engine {
namespace {

RenderContext english() { return {"en", NamespaceNames{}, {"en", "fr", "es"}}; }
RenderContext french() {
  return {"fr", NamespaceNames{"Discussion", "Catégorie"}, {"en", "fr", "es"}};
}

RenderResult rendered(std::string_view markdown, const RenderContext& context = english()) {
  Result<RenderResult> result = render_markdown(markdown, context);
  REQUIRE_MESSAGE(result.ok(), markdown);
  return std::move(result).value();
}

std::string repeated(std::string_view piece, int times) {
  std::string out;
  for (int i = 0; i < times; ++i) out += piece;
  return out;
}

struct HtmlCase {
  const char* name;
  const char* markdown;
  const char* html;
};

TEST_CASE("render: Markdown and wiki links become the expected HTML") {
  const HtmlCase cases[] = {
      {"paragraph", "Hello world", "<p>Hello world</p>\n"},
      {"two paragraphs", "One\n\nTwo", "<p>One</p>\n<p>Two</p>\n"},
      {"emphasis", "*a* **b** _c_", "<p><em>a</em> <strong>b</strong> <em>c</em></p>\n"},
      {"bullet list", "- a\n- b", "<ul>\n<li>a</li>\n<li>b</li>\n</ul>\n"},
      {"ordered list", "1. a\n2. b", "<ol>\n<li>a</li>\n<li>b</li>\n</ol>\n"},
      {"code span", "`[[Lion]]`", "<p><code>[[Lion]]</code></p>\n"},
      {"heading anchor", "## Où vit le lion ?",
       "<h2 id=\"Où_vit_le_lion_?\">Où vit le lion ?</h2>\n"},
      {"duplicate headings", "# A\n\n# A", "<h1 id=\"A\">A</h1>\n<h1 id=\"A_2\">A</h1>\n"},
      {"heading with markup", "## The *big* `cat`",
       "<h2 id=\"The_big_cat\">The <em>big</em> <code>cat</code></h2>\n"},
      {"heading with a link", "## About [[lion]]s",
       "<h2 id=\"About_lions\">About <a data-wl=\"0:Lion\">lion</a>s</h2>\n"},
      {"blank heading", "#", "<h1 id=\"section\"></h1>\n"},
      {"heading over two lines, escaped", "A & 1 < 2\n\"c\" l'a\n===",
       "<h1 id=\"A_&amp;_1_&lt;_2_&quot;c&quot;_l&#39;a\">A &amp; 1 &lt; 2\n&quot;c&quot; "
       "l'a</h1>\n"},
      {"heading with a category", "## Cats [[Category:Cats]]", "<h2 id=\"Cats\">Cats </h2>\n"},
      {"toc from three headings", "# A\n## B\n# C",
       "<nav class=\"toc\">\n<p class=\"toc-title\">Contents</p>\n<ul>\n"
       "<li><a href=\"#A\">A</a><ul>\n<li><a href=\"#B\">B</a></li>\n</ul></li>\n"
       "<li><a href=\"#C\">C</a></li>\n</ul>\n</nav>\n"
       "<h1 id=\"A\">A</h1>\n<h2 id=\"B\">B</h2>\n<h1 id=\"C\">C</h1>\n"},
      {"toc after the introduction", "Intro\n\n## A\n\n## B\n\n## B",
       "<p>Intro</p>\n<nav class=\"toc\">\n<p class=\"toc-title\">Contents</p>\n<ul>\n"
       "<li><a href=\"#A\">A</a></li>\n<li><a href=\"#B\">B</a></li>\n"
       "<li><a href=\"#B_2\">B</a></li>\n</ul>\n</nav>\n"
       "<h2 id=\"A\">A</h2>\n<h2 id=\"B\">B</h2>\n<h2 id=\"B_2\">B</h2>\n"},
      {"toc with uneven levels", "## A\n#### B\n### C\n# D",
       "<nav class=\"toc\">\n<p class=\"toc-title\">Contents</p>\n<ul>\n"
       "<li><a href=\"#A\">A</a><ul>\n<li><a href=\"#B\">B</a></li>\n"
       "<li><a href=\"#C\">C</a></li>\n</ul></li>\n<li><a href=\"#D\">D</a></li>\n</ul>\n</nav>\n"
       "<h2 id=\"A\">A</h2>\n<h4 id=\"B\">B</h4>\n<h3 id=\"C\">C</h3>\n<h1 id=\"D\">D</h1>\n"},
      {"no toc from two headings", "# A\n# B", "<h1 id=\"A\">A</h1>\n<h1 id=\"B\">B</h1>\n"},
      {"wiki link", "[[lion]]", "<p><a data-wl=\"0:Lion\">lion</a></p>\n"},
      {"wiki link with label", "[[Lion|the big cat]]",
       "<p><a data-wl=\"0:Lion\">the big cat</a></p>\n"},
      {"wiki link with empty label", "[[Lion|]]", "<p><a data-wl=\"0:Lion\">Lion</a></p>\n"},
      {"wiki link to a section", "[[Lion#Food chain]]",
       "<p><a data-wl=\"0:Lion#Food_chain\">Lion#Food chain</a></p>\n"},
      {"wiki link to a section with label", "[[Lion#Food|what it eats]]",
       "<p><a data-wl=\"0:Lion#Food\">what it eats</a></p>\n"},
      {"same-page section", "[[#Food chain]]", "<p><a href=\"#Food_chain\">#Food chain</a></p>\n"},
      {"talk page link", "[[Talk:lion]]", "<p><a data-wl=\"1:Lion\">Talk:lion</a></p>\n"},
      {"inline category link", "[[:Category:Big cats]]",
       "<p><a data-wl=\"14:Big cats\">Category:Big cats</a></p>\n"},
      {"link amid text", "The [[lion]] and the [[tiger|tigers]] hunt.",
       "<p>The <a data-wl=\"0:Lion\">lion</a> and the <a data-wl=\"0:Tiger\">tigers</a> "
       "hunt.</p>\n"},
      {"link in emphasis", "*[[Lion]]* and **[[Tiger]]**",
       "<p><em><a data-wl=\"0:Lion\">Lion</a></em> and <strong><a data-wl=\"0:Tiger\">Tiger</a>"
       "</strong></p>\n"},
      {"links in a list", "- [[Lion]]\n- [[Tiger]]",
       "<ul>\n<li><a data-wl=\"0:Lion\">Lion</a></li>\n<li><a data-wl=\"0:Tiger\">Tiger</a></li>\n"
       "</ul>\n"},
      {"link with escaped bracket nearby", "\\[[[Lion]]\\]",
       "<p>[<a data-wl=\"0:Lion\">Lion</a>]</p>\n"},
      {"three opening brackets", "[[[Lion]]]", "<p>[<a data-wl=\"0:Lion\">Lion</a>]</p>\n"},
      {"link split by entity", "[[Tom &amp; Jerry]]",
       "<p><a data-wl=\"0:Tom &amp; Jerry\">Tom &amp; Jerry</a></p>\n"},
      {"label with markup is no link", "[[Lion|*big*]]", "<p>[[Lion|<em>big</em>]]</p>\n"},
      {"inside a Markdown link", "[see [[Lion]]](/x)", "<p><a href=\"/x\">see [[Lion]]</a></p>\n"},
      {"empty target", "[[]]", "<p>[[]]</p>\n"},
      {"blank target", "[[ |x]]", "<p>[[ |x]]</p>\n"},
      {"forbidden character", "[[a{b}]]", "<p>[[a{b}]]</p>\n"},
      {"less-than in target", "[[a<b]]", "<p>[[a&lt;b]]</p>\n"},
      {"unclosed", "[[Lion", "<p>[[Lion</p>\n"},
      {"across lines", "[[Li\non]]", "<p>[[Li\non]]</p>\n"},
      {"category removed", "Cats purr.\n[[Category:Cats]]", "<p>Cats purr.</p>\n"},
      {"categories only", "[[Category:Cats]]\n[[Category:Pets]]", ""},
      {"interlanguage removed", "[[fr:Lion]]\n\nText", "<p>Text</p>\n"},
      {"own language is a page", "[[en:Lion]]", "<p><a data-wl=\"0:En:Lion\">en:Lion</a></p>\n"},
      {"unknown language is a page", "[[xx:Lion]]",
       "<p><a data-wl=\"0:Xx:Lion\">xx:Lion</a></p>\n"},
      {"raw HTML omitted", "<div>x</div>", "<!-- raw HTML omitted -->\n"},
      {"label escaped as cmark escapes text", "[[Tom|Tom & \"Jerry\" <3 l'ami/e]]",
       "<p><a data-wl=\"0:Tom\">Tom &amp; &quot;Jerry&quot; &lt;3 l'ami/e</a></p>\n"},
      {"text around links escaped as cmark escapes text", "a & \"b\" [[Lion]] <3 l'a [[#A|x]] >",
       "<p>a &amp; &quot;b&quot; <a data-wl=\"0:Lion\">Lion</a> &lt;3 l'a <a href=\"#A\">x</a> "
       "&gt;</p>\n"},
      {"same-page label escaped", "[[#A|a > b]]", "<p><a href=\"#A\">a &gt; b</a></p>\n"},
      {"ill-formed UTF-8 replaced",
       "a\xFF"
       "b \xC3 \xC0\xAF \xED\xA0\x80 \xF4\x90\x80\x80 é\xE2\x82",
       "<p>a\uFFFDb \uFFFD \uFFFD \uFFFD \uFFFD é\uFFFD</p>\n"},
      {"well-formed UTF-8 kept", "\u00E9\u20AC\U0001F418 \x7F",
       "<p>\u00E9\u20AC\U0001F418 \x7F</p>\n"},
      // The quick checks read sixteen bytes at a time: bytes on either side of a block's edge.
      {"ill-formed byte after sixteen ASCII bytes", "abcdefghijklmnopqrstuvwxyz\xFF",
       "<p>abcdefghijklmnopqrstuvwxyz\uFFFD</p>\n"},
      {"sequence cut short after a long ASCII run", "0123456789abcdefghij\xE2\x82",
       "<p>0123456789abcdefghij\uFFFD</p>\n"},
      {"well-formed sequences across blocks", "0123456789abcd\u00E9\u20AC 0123456789abc\U0001F418!",
       "<p>0123456789abcd\u00E9\u20AC 0123456789abc\U0001F418!</p>\n"},
      {"escapes across blocks beside a link",
       "[[Lion]] 0123456789abcdef&0123456789abcde<\"' 0123456789abcdef>",
       "<p><a data-wl=\"0:Lion\">Lion</a> 0123456789abcdef&amp;0123456789abcde&lt;&quot;' "
       "0123456789abcdef&gt;</p>\n"},
  };
  for (const HtmlCase& row : cases) {
    INFO(row.name);
    CHECK(rendered(row.markdown).html == row.html);
  }
}

TEST_CASE("render: the table of contents is titled in the edition's language") {
  RenderResult result = rendered("# A\n# B\n# C", french());
  CHECK(result.html.find("<p class=\"toc-title\">Sommaire</p>") != std::string::npos);
}

TEST_CASE("render: the caller's table of contents title wins over the catalogs") {
  RenderContext context = french();
  context.toc_title = "Au menu & plus";
  RenderResult result = rendered("# A\n# B\n# C", context);
  CHECK(result.html.find("<p class=\"toc-title\">Au menu &amp; plus</p>") != std::string::npos);
}

TEST_CASE("render: headings are listed with their text and anchors") {
  RenderResult result = rendered("# Lions\n## Food *chain*\n## Lions");
  const std::vector<Heading> expected = {
      {1, "Lions", "Lions"}, {2, "Food chain", "Food_chain"}, {2, "Lions", "Lions_2"}};
  REQUIRE(result.headings.size() == expected.size());
  for (std::size_t i = 0; i < expected.size(); ++i) {
    CAPTURE(i);
    CHECK(result.headings[i].level == expected[i].level);
    CHECK(result.headings[i].text == expected[i].text);
    CHECK(result.headings[i].anchor == expected[i].anchor);
  }
}

struct CollectCase {
  const char* name;
  const char* markdown;
  bool french;
  std::vector<Title> links;
  std::vector<std::string> categories;
  std::vector<LangLink> langlinks;
};

TEST_CASE("render: links, categories and interlanguage links are collected once, in order") {
  const Title lion{Namespace::article, "Lion"};
  const Title tiger{Namespace::article, "Tiger"};
  const CollectCase cases[] = {
      {"none", "Just text", false, {}, {}, {}},
      {"distinct in order",
       "[[Tiger]] *[[lion]]* [[Tiger|again]] [[Lion#Food]]",
       false,
       {tiger, lion},
       {},
       {}},
      {"section links are not pages", "[[#Food]]", false, {}, {}, {}},
      {"titles told apart whatever their apostrophes, quotes and anchors",
       "[[Rock 'n' roll]] [[Rock 'x' roll]] [[rock 'n' roll#Début]] [[A&B]] [[A&#B]] "
       "[[Say \"hi\"|hi]] [[Talk:Rock 'n' roll]] [[:Category:Rock 'n' roll]]",
       false,
       {{Namespace::article, "Rock 'n' roll"},
        {Namespace::article, "Rock 'x' roll"},
        {Namespace::article, "A&B"},
        {Namespace::article, "A&"},
        {Namespace::article, "Say \"hi\""},
        {Namespace::talk, "Rock 'n' roll"},
        {Namespace::category, "Rock 'n' roll"}},
       {},
       {}},
      {"inline category link is a link",
       "[[:Category:Cats]]",
       false,
       {{Namespace::category, "Cats"}},
       {},
       {}},
      {"categories",
       "[[Category:Cats]] [[Category:big cats|sort key]] [[category:Cats]]",
       false,
       {},
       {"Cats", "Big cats"},
       {}},
      {"localised category", "[[Catégorie:Félins]]\n[[Category:félins]]", true, {}, {"Félins"}, {}},
      {"interlanguage",
       "[[fr:Lion]] [[es:león]] [[fr:Lion]]",
       false,
       {},
       {},
       {{"fr", "Lion"}, {"es", "León"}}},
      {"interlanguage from french", "[[en:Lion]]", true, {}, {}, {{"en", "Lion"}}},
      {"inside code is nothing", "`[[Lion]]`\n\n    [[Tiger]]", false, {}, {}, {}},
      {"invalid target is nothing",
       "[[a|b]] [[x<y]] [[Category:]]",
       false,
       {{Namespace::article, "A"}},
       {},
       {}},
  };
  for (const CollectCase& row : cases) {
    INFO(row.name);
    RenderResult result = rendered(row.markdown, row.french ? french() : english());
    CHECK(result.links == row.links);
    CHECK(result.categories == row.categories);
    CHECK(result.langlinks == row.langlinks);
  }
}

struct RedirectCase {
  const char* name;
  const char* markdown;
  std::optional<Title> redirect;
  const char* html;
};

TEST_CASE("render: a redirect on the first line") {
  const Title lion{Namespace::article, "Lion"};
  const RedirectCase cases[] = {
      {"plain", "#REDIRECT [[lion]]", lion, ""},
      {"rest renders", "#REDIRECT [[Lion]]\nSee also [[Tiger]].", lion,
       "<p>See also <a data-wl=\"0:Tiger\">Tiger</a>.</p>\n"},
      {"lower case", "#redirect [[Lion]]", lion, ""},
      {"french word", "#REDIRECTION [[Lion]]", lion, ""},
      {"colon and section", "#Redirect: [[Lion#Food|x]]", lion, ""},
      {"to a category", "#REDIRECT [[Category:Cats]]", Title{Namespace::category, "Cats"}, ""},
      {"invalid target", "#REDIRECT [[a<b]]", std::nullopt, "<p>#REDIRECT [[a&lt;b]]</p>\n"},
      {"not the first line", "Text\n#REDIRECT [[Lion]]", std::nullopt,
       "<p>Text\n#REDIRECT <a data-wl=\"0:Lion\">Lion</a></p>\n"},
      {"other word", "#REDIRECTED [[Lion]]", std::nullopt,
       "<p>#REDIRECTED <a data-wl=\"0:Lion\">Lion</a></p>\n"},
  };
  for (const RedirectCase& row : cases) {
    INFO(row.name);
    RenderResult result = rendered(row.markdown);
    CHECK(result.redirect == row.redirect);
    CHECK(result.html == row.html);
  }
}

struct PlainCase {
  const char* name;
  const char* markdown;
  const char* plain;
};

TEST_CASE("render: plain text is what a reader reads") {
  const PlainCase cases[] = {
      {"markup removed", "Some *text* and **more**.", "Some text and more."},
      {"link labels", "A [[Lion|big cat]] and [[Tiger]] and [a site](http://x.org).",
       "A big cat and Tiger and a site."},
      {"blocks on lines", "# Title\n\nFirst\nline\n\n- one\n- two", "Title\nFirst line\none\ntwo"},
      {"code", "Run `ls`:\n\n```\nls -l\n```", "Run ls:\nls -l"},
      {"categories left out", "Cats.\n[[Category:Cats]]", "Cats."},
      {"raw HTML left out", "a <b>bold</b>", "a bold"},
      {"hard break", "a  \nb", "a\nb"},
      {"image alt", "![a lion](/media/lion.png)", "a lion"},
  };
  for (const PlainCase& row : cases) {
    INFO(row.name);
    CHECK(rendered(row.markdown).plain_text == row.plain);
  }
}

struct NestingCase {
  const char* name;
  std::string markdown;
  bool accepted;
};

TEST_CASE("render: nesting is limited to kMaxNesting levels") {
  auto images = [](int depth) {
    return repeated("![", depth) + "x" + repeated("](/a.png)", depth);
  };
  const NestingCase cases[] = {
      {"32 quotes", repeated("> ", 32) + "x", true},
      {"33 quotes", repeated("> ", 33) + "x", false},
      {"32 lists", repeated("- ", 32) + "x", true},
      {"33 lists", repeated("- ", 33) + "x", false},
      {"16 quotes in 16 lists", repeated("- ", 16) + repeated("> ", 16) + "x", true},
      {"17 quotes in 16 lists", repeated("- ", 16) + repeated("> ", 17) + "x", false},
      {"32 images", images(32), true},
      {"33 images", images(33), false},
      {"31 quotes around emphasis", repeated("> ", 31) + "*x*", true},
      {"32 quotes around emphasis", repeated("> ", 32) + "*x*", false},
      {"many siblings are not deep", repeated("- a\n", 1000), true},
  };
  for (const NestingCase& row : cases) {
    INFO(row.name);
    Result<RenderResult> result = render_markdown(row.markdown, english());
    CHECK(result.ok() == row.accepted);
    if (!result.ok()) {
      CHECK(result.error().code == ErrorCode::unprocessable);
      CHECK(result.error().message_id == "error-markdown-too-deep");
    }
  }
}

// Text around wiki links and their labels is escaped by the renderer itself: it must come out as
// cmark writes the same text with no link in it.
TEST_CASE("render: text beside and inside wiki links is escaped as cmark escapes it") {
  std::mt19937 random(20261129);
  const std::string alphabet[] = {"a", "b", " ", "&", "<", "\"", "'", "é", "&amp;", "abcdefghij"};
  for (int round = 0; round < 300; ++round) {
    std::string text = "x";
    std::size_t length = random() % 40;
    for (std::size_t i = 0; i < length; ++i) text += alphabet[random() % std::size(alphabet)];
    text += "y";
    CAPTURE(text);
    std::string inner = rendered(text).html;  // "<p>" + cmark's escaping + "</p>\n"
    REQUIRE(inner.size() > 8);
    inner = inner.substr(3, inner.size() - 8);
    CHECK(rendered(text + " [[Lion]] " + text).html ==
          "<p>" + inner + " <a data-wl=\"0:Lion\">Lion</a> " + inner + "</p>\n");
    CHECK(rendered("[[Lion|" + text + "]]").html ==
          "<p><a data-wl=\"0:Lion\">" + inner + "</a></p>\n");
  }
}

// A large ordinary article: every pass over the tree must stay linear.
TEST_CASE("render: a 1 MB article renders in linear time" * doctest::timeout(60)) {
  std::string chunk =
      "## Section about lions\n\nThe [[lion]] is a *big* cat of [[Africa#Savanna|the savanna]]; "
      "it eats `meat` and [[:Category:Mammals]]. See [the site](https://example.org).\n\n"
      "- one [[Tiger]]\n- two **strong** text\n\n> quoted [[Leopard|spots]]\n\n";
  std::string article;
  while (article.size() < (1u << 20)) article += chunk;
  RenderResult result = rendered(article);
  CHECK(result.headings.size() > 1000);
  CHECK(result.links.size() == 5);
}

}  // namespace
}  // namespace kidwiki::engine

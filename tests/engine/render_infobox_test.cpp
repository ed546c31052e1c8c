// Infoboxes (render/render_infobox.h): a fenced block of "label: value" lines becomes a table with
// its title, its picture and one row per line; values are Markdown of one line, labels and the
// title are text, and nothing a pupil writes in one can reach the page as markup.
#include <doctest/doctest.h>

#include "engine/render.h"
#include "render/render_infobox.h"
#include "wiki_fixture.h"

using namespace kidwiki::engine;
using kidwiki::testing::WikiFixture;

TEST_CASE("an infobox block becomes a table; anything else stays a code block") {
  WikiFixture f;
  const RenderContext context = f.wiki->render_context(f.fr);
  struct Case {
    const char* name;
    const char* markdown;
    const char* html;
  };
  const Case cases[] = {
      {"rows", "```infobox\nClasse: Mammifères\nTaille: 2 m\n```",
       "<table class=\"infobox\"><tbody>\n"
       "<tr><th scope=\"row\">Classe</th><td>\n<p>Mammifères</p>\n</td></tr>\n"
       "<tr><th scope=\"row\">Taille</th><td>\n<p>2 m</p>\n</td></tr>\n"
       "</tbody></table>\n"},
      {"title, picture and caption (French keys)",
       "```infobox\ntitre: Lion\nimage: Fichier:Lion.jpg\nlégende: Un lion\n```",
       "<table class=\"infobox\"><caption>Lion</caption><tbody>\n"
       "<tr><td colspan=\"2\" class=\"infobox-picture\"><img data-wf=\"Lion.jpg\" alt=\"Un lion\">"
       "<div class=\"infobox-caption\">Un lion</div></td></tr>\n"
       "</tbody></table>\n"},
      {"a value is Markdown of one line", "```infobox\nNom: *Panthera leo*\n```",
       "<table class=\"infobox\"><tbody>\n"
       "<tr><th scope=\"row\">Nom</th><td>\n<p><em>Panthera leo</em></p>\n</td></tr>\n"
       "</tbody></table>\n"},
      {"a line without a label", "```infobox\nLe roi des animaux\n```",
       "<table class=\"infobox\"><tbody>\n<tr><td colspan=\"2\">\n<p>Le roi des animaux</p>\n</td></tr>\n"
       "</tbody></table>\n"},
      {"labels and title are text", "```infobox\ntitle: <b>x</b>\n<i>a</i>: \"b\"\n```",
       "<table class=\"infobox\"><caption>&lt;b&gt;x&lt;/b&gt;</caption><tbody>\n"
       "<tr><th scope=\"row\">&lt;i&gt;a&lt;/i&gt;</th><td>\n<p>&quot;b&quot;</p>\n</td></tr>\n"
       "</tbody></table>\n"},
      {"a value read as an HTML block is kept as text", "```infobox\nA: <script>x</script>\n```",
       "<table class=\"infobox\"><tbody>\n<tr><th scope=\"row\">A</th><td>\n<p>&lt;script&gt;x&lt;/script&gt;</p>\n</td></tr>\n"
       "</tbody></table>\n"},
      {"a picture that is no file is left out", "```infobox\nimage: Lion\nA: b\n```",
       "<table class=\"infobox\"><tbody>\n<tr><th scope=\"row\">A</th><td>\n<p>b</p>\n</td></tr>\n"
       "</tbody></table>\n"},
      {"another language's block", "```python\nA: b\n```",
       "<pre><code class=\"language-python\">A: b\n</code></pre>\n"},
  };
  for (const Case& c : cases) {
    CAPTURE(std::string(c.name));
    auto rendered = render_markdown(c.markdown, context);
    REQUIRE(rendered.ok());
    CHECK(rendered->html == c.html);
  }
}

TEST_CASE("an infobox's wiki links and picture are links of the page, its values its text") {
  WikiFixture f;
  const RenderContext context = f.wiki->render_context(f.fr);
  auto rendered = render_markdown(
      "```infobox\nimage: Fichier:Lion.jpg\nClasse: [[Mammifères]]\n```\n\nLe lion rugit.", context);
  REQUIRE(rendered.ok());
  CHECK(rendered->html.find("<a data-wl=\"0:Mammifères\">Mammifères</a>") != std::string::npos);
  REQUIRE(rendered->links.size() == 2);
  CHECK(rendered->links[0] == Title{Namespace::file, "Lion.jpg"});
  CHECK(rendered->links[1] == Title{Namespace::article, "Mammifères"});
  CHECK(rendered->plain_text.find("Mammifères") != std::string::npos);
  CHECK(rendered->plain_text.find("Le lion rugit.") != std::string::npos);
}

TEST_CASE("an infobox holds at most kMaxInfoboxRows rows, whatever its length") {
  WikiFixture f;
  std::string markdown = "```infobox\n";
  for (int i = 0; i < 5000; ++i) markdown += "Ligne " + std::to_string(i) + ": valeur\n";
  markdown += "```\n";
  auto rendered = render_markdown(markdown, f.wiki->render_context(f.fr));
  REQUIRE(rendered.ok());
  std::size_t rows = 0;
  for (std::size_t at = rendered->html.find("<tr>"); at != std::string::npos;
       at = rendered->html.find("<tr>", at + 1)) {
    ++rows;
  }
  CHECK(rows == static_cast<std::size_t>(kMaxInfoboxRows));
}

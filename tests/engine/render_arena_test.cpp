// The render's memory (engine/src/render_cmark_arena.h): a long article, whose tree lives in large
// blocks backed by huge pages, renders exactly as its pieces do, each small enough for the small
// blocks. Blocks separated by blank lines render independently, so the HTML of the whole is the
// HTML of the pieces joined.
#include <doctest/doctest.h>

#include <string>
#include <vector>

#include "engine/render.h"

namespace kidwiki::engine {
namespace {

RenderContext french() {
  return {"fr", NamespaceNames{"Discussion", "Catégorie"}, {"en", "fr", "es"}};
}

std::string html_of(std::string_view markdown) {
  Result<RenderResult> result = render_markdown(markdown, french());
  REQUIRE(result.ok());
  return std::move(result).value().html;
}

// A paragraph of `words` words with markup and links: long enough that cmark's buffers grow
// several times, and are copied when they cannot grow in place.
std::string long_paragraph(int words) {
  std::string out;
  for (int i = 0; i < words; ++i) {
    out += i % 7 == 0    ? "*lion* "
           : i % 11 == 0 ? "[[Chat|chats]] "
           : i % 13 == 0 ? "`x<y` "
                         : "mot ";
  }
  return out;
}

TEST_CASE("render arena: a long article renders as its pieces joined") {
  const std::vector<std::string> pieces = {
      "Du *texte*, du **gras**, du `code` et des [[Lion|lions]] & <balises>.",
      "- un\n- deux avec [[Chat]]\n- trois",
      "> Une citation avec _emphase_ et [[Tigre]].",
      "    du code indenté\n    deuxième ligne",
      "1. premier\n2. second [lien](https://example.org/a?b=1&c=2)",
      "Accents : été, garçon, œuf ; ill-formed \xC3 byte.",
      long_paragraph(3000),
  };
  std::string whole;
  std::string expected;
  // About 400 KB: the arena's first block is then several huge pages.
  for (int round = 0; whole.size() < 400 * 1000; ++round) {
    const std::string& piece = pieces[static_cast<std::size_t>(round) % pieces.size()];
    whole += piece;
    whole += "\n\n";
    expected += html_of(piece);
  }
  CHECK(html_of(whole) == expected);
}

TEST_CASE("render arena: renders one after another on the same thread stay independent") {
  std::string first = html_of(long_paragraph(50000));
  CHECK(html_of("*a*") == "<p><em>a</em></p>\n");
  CHECK(html_of(long_paragraph(50000)) == first);
  CHECK(html_of("") == "");
}

}  // namespace
}  // namespace kidwiki::engine

// GitHub-flavoured Markdown (issue 12): pipe tables, ~~strikethrough~~ and task lists, one row per
// behaviour; the wiki's links inside them, red and blue; and large tables within the sandbox's
// bounds. Hostile text inside tables is in render_safety_test.cpp, with the other tricks.
#include <doctest/doctest.h>

#include <string>
#include <string_view>
#include <vector>

#include "engine/render.h"
#include "wiki_fixture.h"

namespace kidwiki::engine {
namespace {

RenderContext english() { return {"en", NamespaceNames{}, {"en", "fr"}}; }

RenderResult rendered(std::string_view markdown) {
  Result<RenderResult> result = render_markdown(markdown, english());
  REQUIRE_MESSAGE(result.ok(), markdown);
  return std::move(result).value();
}

std::string repeated(std::string_view piece, int times) {
  std::string out;
  for (int i = 0; i < times; ++i) out += piece;
  return out;
}

std::size_t count_of(std::string_view haystack, std::string_view needle) {
  std::size_t count = 0;
  for (std::size_t at = haystack.find(needle); at != std::string_view::npos;
       at = haystack.find(needle, at + needle.size())) {
    ++count;
  }
  return count;
}

struct HtmlCase {
  const char* name;
  const char* markdown;
  const char* html;
};

TEST_CASE("render gfm: tables, strikethrough and task lists become the expected HTML") {
  const HtmlCase cases[] = {
      {"table with header, alignment and markup in cells",
       "| Animal | Legs | Food |\n|:---|:---:|---:|\n| *lion* | 4 | **meat** |\n"
       "| `x` | ~~3~~ 2 | [site](https://example.org) |",
       "<table>\n<thead>\n<tr>\n<th align=\"left\">Animal</th>\n<th align=\"center\">Legs</th>\n"
       "<th align=\"right\">Food</th>\n</tr>\n</thead>\n<tbody>\n<tr>\n"
       "<td align=\"left\"><em>lion</em></td>\n<td align=\"center\">4</td>\n"
       "<td align=\"right\"><strong>meat</strong></td>\n</tr>\n<tr>\n"
       "<td align=\"left\"><code>x</code></td>\n<td align=\"center\"><del>3</del> 2</td>\n"
       "<td align=\"right\"><a href=\"https://example.org\" rel=\"nofollow noopener noreferrer\" "
       "class=\"external\">site</a></td>\n</tr>\n</tbody>\n</table>\n"},
      {"table without alignment or outer pipes", "a | b\n--|--\n1 | 2",
       "<table>\n<thead>\n<tr>\n<th>a</th>\n<th>b</th>\n</tr>\n</thead>\n<tbody>\n<tr>\n"
       "<td>1</td>\n<td>2</td>\n</tr>\n</tbody>\n</table>\n"},
      {"short rows padded, long rows cut to the header", "| a | b |\n|---|---|\n| 1 |\n| 1 | 2 | 3 |",
       "<table>\n<thead>\n<tr>\n<th>a</th>\n<th>b</th>\n</tr>\n</thead>\n<tbody>\n<tr>\n"
       "<td>1</td>\n<td></td>\n</tr>\n<tr>\n<td>1</td>\n<td>2</td>\n</tr>\n</tbody>\n</table>\n"},
      {"header only", "| a |\n|---|", "<table>\n<thead>\n<tr>\n<th>a</th>\n</tr>\n</thead>\n</table>\n"},
      {"table ends at a blank line", "| a |\n|---|\n| 1 |\n\nafter",
       "<table>\n<thead>\n<tr>\n<th>a</th>\n</tr>\n</thead>\n<tbody>\n<tr>\n<td>1</td>\n</tr>\n"
       "</tbody>\n</table>\n<p>after</p>\n"},
      {"pipes without a delimiter row stay text", "a | b\nc | d", "<p>a | b\nc | d</p>\n"},
      {"header and delimiter of different widths stay text", "| a | b |\n|---|",
       "<p>| a | b |\n|---|</p>\n"},
      {"escaped pipe in a code span in a cell", "| a |\n|---|\n| `x\\|y` |",
       "<table>\n<thead>\n<tr>\n<th>a</th>\n</tr>\n</thead>\n<tbody>\n<tr>\n"
       "<td><code>x|y</code></td>\n</tr>\n</tbody>\n</table>\n"},
      {"wiki links in cells, a label after an escaped pipe",
       "| Page | Label |\n|---|---|\n| [[lion]] | [[Tiger\\|big cat]] |",
       "<table>\n<thead>\n<tr>\n<th>Page</th>\n<th>Label</th>\n</tr>\n</thead>\n<tbody>\n<tr>\n"
       "<td><a data-wl=\"0:Lion\">lion</a></td>\n<td><a data-wl=\"0:Tiger\">big cat</a></td>\n"
       "</tr>\n</tbody>\n</table>\n"},
      {"an unescaped pipe splits a wiki link into two cells", "| a | b |\n|---|---|\n| [[Tiger|big]] |",
       "<table>\n<thead>\n<tr>\n<th>a</th>\n<th>b</th>\n</tr>\n</thead>\n<tbody>\n<tr>\n"
       "<td>[[Tiger</td>\n<td>big]]</td>\n</tr>\n</tbody>\n</table>\n"},
      {"category in a cell joins the page and leaves the cell empty",
       "| a |\n|---|\n| [[Category:Cats]] |",
       "<table>\n<thead>\n<tr>\n<th>a</th>\n</tr>\n</thead>\n<tbody>\n<tr>\n<td></td>\n</tr>\n"
       "</tbody>\n</table>\n"},
      {"section link in a header cell", "| [[#Food]] |\n|---|",
       "<table>\n<thead>\n<tr>\n<th><a href=\"#Food\">#Food</a></th>\n</tr>\n</thead>\n</table>\n"},
      {"strikethrough", "~~gone~~ stays", "<p><del>gone</del> stays</p>\n"},
      {"single tildes are text", "~5 km, ~x~ and ~~~", "<p>~5 km, ~x~ and ~~~</p>\n"},
      {"strikethrough around a wiki link", "~~[[Lion]]~~ and ~~a [[Tiger|tigers]] b~~",
       "<p><del><a data-wl=\"0:Lion\">Lion</a></del> and <del>a <a data-wl=\"0:Tiger\">tigers</a> "
       "b</del></p>\n"},
      {"strikethrough inside emphasis", "*a ~~b~~*", "<p><em>a <del>b</del></em></p>\n"},
      {"strikethrough in code is text", "`~~a~~`", "<p><code>~~a~~</code></p>\n"},
      {"task list, every box disabled", "- [ ] feed the cat\n- [x] water the plants",
       "<ul>\n<li><input type=\"checkbox\" disabled=\"\" /> feed the cat</li>\n"
       "<li><input type=\"checkbox\" checked=\"\" disabled=\"\" /> water the plants</li>\n</ul>\n"},
      {"task list, capital X and ordered", "1. [X] read\n2. [ ] write",
       "<ol>\n<li><input type=\"checkbox\" checked=\"\" disabled=\"\" /> read</li>\n"
       "<li><input type=\"checkbox\" disabled=\"\" /> write</li>\n</ol>\n"},
      {"task item holding a wiki link", "- [ ] read [[Lion]]",
       "<ul>\n<li><input type=\"checkbox\" disabled=\"\" /> read <a data-wl=\"0:Lion\">Lion</a>"
       "</li>\n</ul>\n"},
      // cmark-gfm 0.29.0.gfm.6 ticks an item with "[x]" anywhere on its first line; the box is
      // read again from the source (render_task_items.h).
      {"x in brackets after an empty box", "- [ ] pick [x] or [y]",
       "<ul>\n<li><input type=\"checkbox\" disabled=\"\" /> pick [x] or [y]</li>\n</ul>\n"},
      {"x as a link's text after an empty box", "- [ ] see [x](/a)",
       "<ul>\n<li><input type=\"checkbox\" disabled=\"\" /> see <a href=\"/a\">x</a></li>\n"
       "</ul>\n"},
      {"ticked box stays ticked", "- [x] done [ ]",
       "<ul>\n<li><input type=\"checkbox\" checked=\"\" disabled=\"\" /> done [ ]</li>\n"
       "</ul>\n"},
      {"nested and numbered boxes, CR LF line ends",
       "Tasks\r\n\r\n* [X] a [ ]\r\n  + [ ] b [x]\r\n\r\n3) [ ] c [X]\r",
       "<p>Tasks</p>\n<ul>\n<li><input type=\"checkbox\" checked=\"\" disabled=\"\" /> a [ ]\n"
       "<ul>\n<li><input type=\"checkbox\" disabled=\"\" /> b [x]</li>\n</ul>\n</li>\n</ul>\n"
       "<ol start=\"3\">\n<li><input type=\"checkbox\" disabled=\"\" /> c [X]</li>\n</ol>\n"},
      {"brackets that are no box", "- [?] maybe\n- [[Lion]]",
       "<ul>\n<li>[?] maybe</li>\n<li><a data-wl=\"0:Lion\">Lion</a></li>\n</ul>\n"},
      {"a box outside a list is text", "[ ] not a task", "<p>[ ] not a task</p>\n"},
  };
  for (const HtmlCase& row : cases) {
    INFO(row.name);
    CHECK(rendered(row.markdown).html == row.html);
  }
}

TEST_CASE("render gfm: links, categories and plain text are read from tables") {
  RenderResult result = rendered(
      "| Animal | Family |\n|---|---|\n| [[Lion]] | ~~[[Cat]]~~ [[Category:Cats]] |\n"
      "| [[Lion\\|again]] | *wild* |\n\n- [x] [[Tiger]]");
  const std::vector<Title> links = {{Namespace::article, "Lion"},
                                    {Namespace::article, "Cat"},
                                    {Namespace::article, "Tiger"}};
  CHECK(result.links == links);
  CHECK(result.categories == std::vector<std::string>{"Cats"});
  // Each cell ends a line, as each block does.
  CHECK(result.plain_text == "Animal\nFamily\nLion\nCat\nagain\nwild\nTiger");
}

TEST_CASE("render gfm: strikethrough counts towards the nesting limit") {
  CHECK(render_markdown(repeated("~~a ", kMaxNesting) + "x" + repeated(" b~~", kMaxNesting),
                        english())
            .ok());
  Result<RenderResult> deep = render_markdown(
      repeated("~~a ", kMaxNesting + 1) + "x" + repeated(" b~~", kMaxNesting + 1), english());
  REQUIRE_FALSE(deep.ok());
  CHECK(deep.error().message_id == "error-markdown-too-deep");
}

// Through the wiki: saved by a render worker, links coloured when the page is read.
TEST_CASE("render gfm: wiki links in a table are red or blue like any other") {
  testing::WikiFixture f;
  REQUIRE(f.save(f.fr, "Chat", "Un félin.").ok());
  REQUIRE(f.save(f.fr, "Zoo",
                 "| Animal | Ami |\n|:--|--:|\n| [[chat]] | [[Souris\\|la souris]] |\n\n"
                 "- [ ] voir le [[Chat#Repas|repas]]")
              .ok());
  const std::string html = f.wiki->read(f.reader(), f.fr, f.title(f.fr, "Zoo"), true)->html;
  CHECK(html.find("<td align=\"left\"><a href=\"/fr/wiki/Chat\" title=\"Chat\">chat</a></td>") !=
        std::string::npos);
  CHECK(html.find("<td align=\"right\"><a href=\"/fr/wiki/Souris?action=edit&amp;redlink=1\" "
                  "class=\"new\" title=\"Souris\">la souris</a></td>") != std::string::npos);
  CHECK(html.find("<input type=\"checkbox\" disabled=\"\" /> voir le <a "
                  "href=\"/fr/wiki/Chat#Repas\" title=\"Chat\">repas</a>") != std::string::npos);
  CHECK(html.find("data-wl") == std::string::npos);
}

SandboxLimits worker_limits() {
  return SandboxLimits{{"/proc/self/exe", "render-worker"}, 2, 1024L * 1024 * 1024, 60000};
}

struct LargeTableCase {
  const char* name;
  std::string markdown;
  std::size_t cells;  // <th> and <td> expected
};

// The production limits (2 CPU seconds, 1 GiB) and a wall-clock deadline of a minute, so that
// only the limits can refuse; the timeout only catches a hang. No duration is asserted.
TEST_CASE("render gfm: very wide and very long tables render within the sandbox's limits" *
          doctest::timeout(300)) {
  const LargeTableCase cases[] = {
      {"5,000 columns, 3 rows",
       repeated("| h ", 5000) + "|\n" + repeated("|---", 5000) + "|\n" +
           repeated(repeated("| [[Lion]] ", 5000) + "|\n", 3),
       5000 * 4},
      {"20,000 rows of 3 columns",
       "| a | b | c |\n|:-|:-:|-:|\n" + repeated("| *x* | [[Lion]] | ~~y~~ |\n", 20000),
       3 * 20001},
  };
  for (const LargeTableCase& row : cases) {
    INFO(row.name);
    Result<RenderResult> result = render_sandboxed(row.markdown, english(), worker_limits());
    REQUIRE(result.ok());
    CHECK(count_of(result->html, "</th>") + count_of(result->html, "</td>") == row.cells);
    CHECK(result->links == std::vector<Title>{{Namespace::article, "Lion"}});
  }
}

// cmark-gfm pads every row to its header's width, so a short text can ask for a huge table:
// 40 KB here would be 100 million cells. The sandbox's memory bound refuses it like any text too
// costly to render, and the next render works.
TEST_CASE("render gfm: a table padded beyond the memory bound is refused, not fatal" *
          doctest::timeout(300)) {
  std::string markdown = repeated("|a", 5000) + "\n" + repeated("|-", 5000) + "\n" +
                         repeated("a\n", 20000);
  Result<RenderResult> refused = render_sandboxed(markdown, english(), worker_limits());
  REQUIRE_FALSE(refused.ok());
  CHECK(refused.error().code == ErrorCode::unprocessable);
  CHECK(render_sandboxed("| a |\n|---|\n| b |", english(), worker_limits()).ok());
}

}  // namespace
}  // namespace kidwiki::engine

// Wiki::view_generation: a cached view goes stale when, and only when, something it shows
// changes: the page itself, a redirect's target, a category's members, the colour of a link.
#include <doctest/doctest.h>

#include "wiki_fixture.h"

namespace kidwiki::testing {
namespace {

struct Views {
  WikiFixture& f;
  std::uint64_t of(const std::string& title) {
    return f.wiki->view_generation(f.fr, f.title(f.fr, title));
  }
};

TEST_CASE("view generation: a save stales its page, not the others") {
  WikiFixture f;
  Views v{f};
  auto lion = f.save(f.fr, "Lion", "Un félin.");
  REQUIRE(f.save(f.fr, "Zèbre", "Un équidé.").ok());
  const auto lion_before = v.of("Lion");
  const auto zebra_before = v.of("Zèbre");
  REQUIRE(f.save(f.fr, "Lion", "Un grand félin.", lion->revision_id).ok());
  CHECK(v.of("Lion") != lion_before);
  CHECK(v.of("Zèbre") == zebra_before);
}

TEST_CASE("view generation: creating a page stales the pages that link to it, editing it does not") {
  WikiFixture f;
  Views v{f};
  REQUIRE(f.save(f.fr, "Savane", "On y voit des [[Gazelle|gazelles]].").ok());
  const auto red = v.of("Savane");
  auto gazelle = f.save(f.fr, "Gazelle", "Une antilope.");
  REQUIRE(gazelle.ok());
  const auto blue = v.of("Savane");
  CHECK(blue != red);  // the link turned blue
  REQUIRE(f.save(f.fr, "Gazelle", "Une antilope rapide.", gazelle->revision_id).ok());
  CHECK(v.of("Savane") == blue);  // still blue: nothing on Savane changed
}

TEST_CASE("view generation: a redirect shows its target, a category its members") {
  WikiFixture f;
  Views v{f};
  auto lion = f.save(f.fr, "Lion", "Un félin.\n\n[[Catégorie:Félins]]");
  REQUIRE(f.save(f.fr, "Lionne", "#REDIRECTION [[Lion]]").ok());
  const auto redirect_before = v.of("Lionne");
  const auto category_before = v.of("Catégorie:Félins");
  REQUIRE(f.save(f.fr, "Lion", "Un grand félin.\n\n[[Catégorie:Félins]]", lion->revision_id).ok());
  CHECK(v.of("Lionne") != redirect_before);
  CHECK(v.of("Catégorie:Félins") != category_before);
  // Leaving a category stales it too; joining another stales that one.
  const auto felins = v.of("Catégorie:Félins");
  const auto savane = v.of("Catégorie:Savane");
  auto latest = f.wiki->read(f.console(), f.fr, f.title(f.fr, "Lion"), false);
  REQUIRE(f.save(f.fr, "Lion", "Un félin.\n\n[[Catégorie:Savane]]", latest->revision.id).ok());
  CHECK(v.of("Catégorie:Félins") != felins);
  CHECK(v.of("Catégorie:Savane") != savane);
}

TEST_CASE("view generation: a move stales every view") {
  WikiFixture f;
  Views v{f};
  REQUIRE(f.save(f.fr, "Chaton", "Un jeune chat.").ok());
  REQUIRE(f.save(f.fr, "Zèbre", "Un équidé.").ok());
  const auto zebra = v.of("Zèbre");
  REQUIRE(f.wiki->move(f.console(), f.fr, f.title(f.fr, "Chaton"), engine::MoveRequest{"Petit chat", true, ""}).ok());
  CHECK(v.of("Zèbre") != zebra);
}

}  // namespace
}  // namespace kidwiki::testing

// The main page's extras (Wiki::main_page_extras): the article and the picture of the day, chosen
// in turn from the lists kept in the main page, skipping what readers cannot see; the newest
// articles; and a generation that moves with the day and with the featured pages.
#include <doctest/doctest.h>

#include "wiki/featured_lists.h"
#include "wiki_fixture.h"

using namespace kidwiki::engine;
using kidwiki::testing::WikiFixture;

TEST_CASE("featured lists are read from ```featured blocks only") {
  struct Case {
    const char* name;
    const char* markdown;
    std::vector<std::string> articles, pictures;
  };
  const Case cases[] = {
      {"a block", "Texte\n```featured\narticle: Lion\npicture: Fichier:Lion.png\nArticle : Lune\n```\n",
       {"Lion", "Lune"}, {"Fichier:Lion.png"}},
      {"another block's lines are not lists", "```\narticle: Lion\n```\n", {}, {}},
      {"lines outside a block", "article: Lion\n", {}, {}},
      {"two blocks add up", "```featured\narticle: A\n```\n```featured\nimage: Fichier:B.png\n```",
       {"A"}, {"Fichier:B.png"}},
      {"unknown keys and empty values", "```featured\nauthor: X\narticle:\n```", {}, {}},
  };
  for (const Case& c : cases) {
    CAPTURE(std::string(c.name));
    const FeaturedLists lists = read_featured_lists(c.markdown);
    CHECK(lists.articles == c.articles);
    CHECK(lists.pictures == c.pictures);
  }
  const std::vector<std::string> three = {"A", "B", "C"};
  CHECK(*entry_of_the_day(three, 0) == "A");
  CHECK(*entry_of_the_day(three, 4) == "B");
  CHECK(*entry_of_the_day(three, -1) == "C");
  CHECK_FALSE(entry_of_the_day({}, 3));
}

TEST_CASE("the demo's main page features an article and a picture each day, in turn") {
  WikiFixture f(/*seed_demo=*/true);
  const MainPageExtras today = f.wiki->main_page_extras(f.fr, 0);
  auto main = f.wiki->read(f.reader(), f.fr, f.title(f.fr, "Accueil"), false);
  REQUIRE(main.ok());
  CAPTURE(main->markdown.substr(0, 400));
  CHECK(read_featured_lists(main->markdown).articles.size() == 8);
  REQUIRE(today.article);
  CHECK(today.article->title.text == "Éléphant");
  CHECK_FALSE(today.article->excerpt.empty());
  CHECK(today.article->excerpt.size() <= 330);
  REQUIRE(today.article->picture);
  REQUIRE(today.picture);
  CHECK(today.picture->title == Title{Namespace::file, "Cycle de l'eau.png"});
  CHECK_FALSE(today.picture->description.empty());
  CHECK(today.newest.size() == 5);
  for (const Title& newest : today.newest) CHECK(newest.text != "Accueil");
  REQUIRE(today.portals.size() == 5);
  CHECK(today.portals[0].category == Title{Namespace::category, "Animaux"});
  CHECK(today.portals[0].articles >= 4);
  for (const Portal& portal : today.portals) {
    CAPTURE(portal.category.text);
    CHECK(portal.picture);
    CHECK(portal.picture_page.ns == Namespace::file);
  }
  // A portal's picture that a moderator deletes leaves the main page at once, for another one.
  const Title gone = today.portals[0].picture_page;
  const auto generation = f.wiki->main_page_generation(f.fr, 0);
  REQUIRE(f.wiki->moderation().delete_page(f.console(), f.fr, gone, "test").ok());
  CHECK(f.wiki->main_page_generation(f.fr, 0) != generation);
  const MainPageExtras without = f.wiki->main_page_extras(f.fr, 0);
  REQUIRE(without.portals[0].picture);
  CHECK(without.portals[0].picture_page != gone);

  const MainPageExtras tomorrow = f.wiki->main_page_extras(f.fr, 1);
  REQUIRE(tomorrow.article);
  CHECK(tomorrow.article->title.text == "Lion");
  CHECK(f.wiki->main_page_generation(f.fr, 0) != f.wiki->main_page_generation(f.fr, 1));

  // A featured article a moderator deletes leaves the main page at once, for the next one.
  const auto before = f.wiki->main_page_generation(f.fr, 0);
  REQUIRE(f.wiki->moderation().delete_page(f.console(), f.fr, f.title(f.fr, "Éléphant"), "test").ok());
  CHECK(f.wiki->main_page_generation(f.fr, 0) != before);
  const MainPageExtras after = f.wiki->main_page_extras(f.fr, 0);
  REQUIRE(after.article);
  CHECK(after.article->title.text == "Lion");
}

TEST_CASE("portals: empty categories and other pages are left out; a new member counts at once") {
  WikiFixture f(/*seed_demo=*/false);
  REQUIRE(f.save(f.fr, "Accueil", "```featured\nportal: Catégorie:Vide\nportal: Catégorie:Fleurs\n"
                                  "portal: Lion\n```\nBienvenue.").ok());
  REQUIRE(f.save(f.fr, "Rose", "Une fleur.\n\n[[Catégorie:Fleurs]]").ok());
  REQUIRE(f.save(f.fr, "Tulipe", "Une autre fleur.\n\n[[Catégorie:Fleurs]]").ok());
  const MainPageExtras extras = f.wiki->main_page_extras(f.fr, 0);
  REQUIRE(extras.portals.size() == 1);  // no article in Vide; Lion is not a category
  CHECK(extras.portals[0].category.text == "Fleurs");
  CHECK(extras.portals[0].articles == 2);
  CHECK_FALSE(extras.portals[0].picture);
  const auto before = f.wiki->main_page_generation(f.fr, 0);
  REQUIRE(f.save(f.fr, "Pivoine", "Encore une fleur.\n\n[[Catégorie:Fleurs]]").ok());
  CHECK(f.wiki->main_page_generation(f.fr, 0) != before);
  CHECK(f.wiki->main_page_extras(f.fr, 0).portals[0].articles == 3);
}

TEST_CASE("the demo's main pages are protected: moderators choose what they feature") {
  WikiFixture f(/*seed_demo=*/true);
  for (const auto& [ed, main] : {std::pair{f.fr, "Accueil"}, std::pair{f.en, "Main Page"}}) {
    CHECK(f.wiki->moderation().protection(ed, f.title(ed, main)) == Protection::moderators);
  }
  const auto teacher = f.actor(f.make_user("Mme Roux", Role::teacher));
  auto refused = f.save_as(teacher, f.fr, "Accueil", "Plus d'article du jour.");
  REQUIRE_FALSE(refused.ok());
  CHECK(refused.error().message_id == "edit-error-protected-moderators");
  const auto moderator = f.actor(f.make_user("Modératrice", Role::moderator));
  auto main = f.wiki->read(f.reader(), f.fr, f.title(f.fr, "Accueil"), false);
  REQUIRE(main.ok());
  CHECK(f.save_as(moderator, f.fr, "Accueil", main->markdown + "\nBonne lecture !",
                  main->revision.id).ok());
}

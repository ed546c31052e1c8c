// Wiki::read_for_export: readers' view of a page with the links and pictures pointing where an
// offline copy says, and an empty address making a link plain text (no href, never a dead link).
#include <doctest/doctest.h>

#include "wiki_fixture.h"

using namespace kidwiki::engine;
using kidwiki::testing::WikiFixture;

namespace {

// A copy that holds "Zèbre" only: every other page, red or blue, gets no address.
ViewAddresses copy_with_zebra() {
  return {[](const Edition&, const Title& title, bool exists) {
            return exists && title.text == "Zèbre" ? std::string("./Z%C3%A8bre") : std::string();
          },
          [](const FileInfo& file, int width) {
            return "./_media/" + file.sha256 + "-" + std::to_string(width);
          }};
}

}  // namespace

TEST_CASE("an export's view links only what the copy holds, as plain text otherwise") {
  WikiFixture f;
  REQUIRE(f.save(f.fr, "Zèbre", "Rayé."));
  REQUIRE(f.save(f.fr, "Girafe", "Long cou."));
  REQUIRE(f.save(f.fr, "Lion", "Il chasse le [[Zèbre#Proies|zèbre]], la [[Girafe]] et la [[Licorne]]."));
  auto view = f.wiki->read_for_export(f.console(), f.fr, f.title(f.fr, "Lion"), copy_with_zebra());
  REQUIRE(view);
  struct Row {
    const char* what;
    const char* html;
  };
  const Row rows[] = {
      {"a page of the copy, with its anchor", "<a href=\"./Z%C3%A8bre#Proies\" title=\"Zèbre\">zèbre</a>"},
      {"a page outside the copy", "<a title=\"Girafe\">Girafe</a>"},
      {"a red link", "<a class=\"new\" title=\"Licorne\">Licorne</a>"},
  };
  for (const Row& row : rows) {
    CAPTURE(std::string(row.what));
    CHECK(view->html.find(row.html) != std::string::npos);
  }
  CHECK(view->html.find("href=\"\"") == std::string::npos);
  // The site's own view is unchanged.
  auto site = f.wiki->read(f.reader(), f.fr, f.title(f.fr, "Lion"), true);
  CHECK(site->html.find("href=\"/fr/wiki/Girafe\"") != std::string::npos);
}

TEST_CASE("an export's view is readers' view whoever asks, and redirects are not followed") {
  WikiFixture f(false, 0, /*fast_passwords=*/true);
  const auto teacher = f.make_user("Mme Martin", Role::teacher);
  const auto class_id = f.wiki->classes().create_class(f.actor(teacher), "CM1", "fr", true).value().id;
  const auto pupil = f.make_user("Léa", Role::pupil, class_id);
  auto published = f.save(f.fr, "Lion", "Texte publié.");
  REQUIRE(published);
  auto pending = f.save_as(f.actor(pupil), f.fr, "Lion", "TEXTE EN ATTENTE", published->revision_id);
  REQUIRE(pending);
  REQUIRE(pending->review == ReviewState::pending);
  REQUIRE(f.save(f.fr, "Roi", "#REDIRECT [[Lion]]"));
  for (const Actor& who : {f.actor(pupil), f.actor(teacher), f.console()}) {
    auto view = f.wiki->read_for_export(who, f.fr, f.title(f.fr, "Lion"), copy_with_zebra());
    REQUIRE(view);
    CHECK(view->markdown == "Texte publié.");
  }
  auto redirect = f.wiki->read_for_export(f.console(), f.fr, f.title(f.fr, "Roi"), copy_with_zebra());
  REQUIRE(redirect);
  REQUIRE(redirect->redirect_target);
  CHECK(redirect->redirect_target->text == "Lion");
  auto missing = f.wiki->read_for_export(f.console(), f.fr, f.title(f.fr, "Licorne"), copy_with_zebra());
  REQUIRE_FALSE(missing);
  CHECK(missing.error().code == ErrorCode::not_found);
}

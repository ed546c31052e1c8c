// A class's offline pack (offline/class_pack.h): who may make one is the engine's decision (the
// class's teacher and admins), what goes in is a category's articles or a list of titles that
// readers see, within kMaxPackPages.
#include <doctest/doctest.h>

#include <zim/archive.h>
#include <zim/item.h>

#include "offline/class_pack.h"
#include "offline_fixture.h"

using namespace kidwiki;
using kidwiki::testing::OfflineFixture;

namespace {

std::vector<std::string> texts(const std::vector<engine::Title>& titles) {
  std::vector<std::string> out;
  for (const auto& t : titles) out.push_back(t.text);
  return out;
}

}  // namespace

TEST_CASE("a class pack is its teacher's or an admin's to make") {
  OfflineFixture f;
  const offline::PackRequest request{"", "Lion"};
  CHECK(offline::pack_selection(*f.wiki, f.actor(f.teacher), f.class_id, request));
  CHECK(offline::pack_selection(*f.wiki, f.console(), f.class_id, request));
  struct Row {
    const char* who;
    engine::Actor actor;
  };
  const Row refused[] = {{"the class's pupil", f.actor(f.pupil)},
                         {"another teacher", f.actor(f.other_teacher)},
                         {"a reader", f.reader()}};
  for (const Row& row : refused) {
    CAPTURE(row.who);
    auto pack = offline::pack_selection(*f.wiki, row.actor, f.class_id, request);
    REQUIRE_FALSE(pack);
    CHECK((pack.error().code == engine::ErrorCode::forbidden ||
           pack.error().code == engine::ErrorCode::not_found));
  }
}

TEST_CASE("a class pack takes a category's articles or typed titles, only as readers see them") {
  OfflineFixture f;
  const auto teacher = f.actor(f.teacher);
  auto category = offline::pack_selection(*f.wiki, teacher, f.class_id, {"Catégorie:Animaux", ""});
  REQUIRE(category);
  CHECK(texts(category->pages) == std::vector<std::string>{"Girafe", "Lion", "Zèbre"});
  CHECK(category->name == "CM1 Jaune");
  CHECK_FALSE(category->whole_edition);

  // A redirect brings its article; the same article once; blank lines and spaces are nothing.
  auto listed = offline::pack_selection(*f.wiki, teacher, f.class_id,
                                        {"", "  Zèbre \r\n\nRoi des animaux\nlion\n"});
  REQUIRE(listed);
  CHECK(texts(listed->pages) == std::vector<std::string>{"Zèbre", "Roi des animaux", "Lion"});

  struct Row {
    const char* what;
    offline::PackRequest request;
    engine::ErrorCode code;
    const char* message_id;
  };
  const Row rows[] = {
      {"nothing chosen", {"", " \n "}, engine::ErrorCode::invalid_input, "offline-pack-error-choose"},
      {"a deleted page", {"", "Lion\nSecret"}, engine::ErrorCode::unprocessable,
       "offline-pack-error-missing"},
      {"a page that never was", {"", "Licorne"}, engine::ErrorCode::unprocessable,
       "offline-pack-error-missing"},
      {"an empty category", {"Plantes", ""}, engine::ErrorCode::unprocessable,
       "offline-pack-error-empty-category"},
      {"a list too long", {"", std::string(offline::kMaxPackTitlesBytes + 1, 'a')},
       engine::ErrorCode::too_large, "offline-pack-error-too-long"},
      {"not UTF-8", {"", "Li\xff"}, engine::ErrorCode::invalid_input, "offline-pack-error-choose"},
  };
  for (const Row& row : rows) {
    CAPTURE(std::string(row.what));
    auto pack = offline::pack_selection(*f.wiki, teacher, f.class_id, row.request);
    REQUIRE_FALSE(pack);
    CHECK(pack.error().code == row.code);
    CHECK(pack.error().message_id == row.message_id);
  }
}

TEST_CASE("a class pack of more than kMaxPackPages pages is refused, not cut") {
  OfflineFixture f;
  std::string titles;
  for (std::size_t i = 0; i <= offline::kMaxPackPages; ++i) {
    const std::string name = "Page " + std::to_string(i);
    f.publish(name, "Texte " + std::to_string(i));
    titles += name + "\n";
  }
  auto pack = offline::pack_selection(*f.wiki, f.actor(f.teacher), f.class_id, {"", titles});
  REQUIRE_FALSE(pack);
  CHECK(pack.error().code == engine::ErrorCode::too_large);
  CHECK(pack.error().message_id == "offline-pack-error-too-many");
}

TEST_CASE("a class pack's ZIM holds its pages only, with an index as its main page") {
  OfflineFixture f;
  auto pack = offline::pack_selection(*f.wiki, f.actor(f.teacher), f.class_id, {"", "Lion"});
  REQUIRE(pack);
  const auto out = f.dir / "pack.zim";
  auto done = offline::export_zim(*f.wiki, f.fr, pack.value(), out);
  REQUIRE(done);
  zim::Archive zim(out.string());
  CHECK(zim.hasEntryByPath("Lion"));
  CHECK_FALSE(zim.hasEntryByPath("Zèbre"));
  CHECK_FALSE(zim.hasEntryByPath("Roi_des_animaux"));
  CHECK(zim.getMainEntry().getItem(true).getPath() == "_index");
  CHECK(zim.getMetadata("Title") == "CM1 Jaune");
  CHECK(zim.getMetadata("Name") == "kidwiki_fr_pack");
  // A link to a page left out of the pack is plain text.
  const std::string lion = std::string(zim.getEntryByPath("Lion").getItem().getData());
  CHECK(lion.find("<a title=\"Zèbre\">") != std::string::npos);
}

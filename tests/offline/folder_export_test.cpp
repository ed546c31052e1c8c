// export_html (offline/export.h): a folder of static pages with relative links, the style, the
// pictures and a title search that works from file://; only what readers see.
#include <doctest/doctest.h>

#include "offline/export.h"
#include "offline_fixture.h"

using namespace kidwiki;
using kidwiki::testing::OfflineFixture;
using kidwiki::testing::read_bytes;

namespace {

bool contains(const std::string& text, const std::string& part) {
  return text.find(part) != std::string::npos;
}

}  // namespace

TEST_CASE("a folder export holds only what readers see, linked relatively") {
  OfflineFixture f;
  const auto out = f.dir / "stick";
  auto done = offline::export_html(*f.wiki, f.fr, offline::whole_edition(f.fr), out);
  REQUIRE(done);
  CHECK(done->pages == 4);
  for (const char* file : {"index.html", "kidwiki.css", "search.js", "titles.js",
                           "wiki/Lion.html", "wiki/Zèbre.html", "wiki/Girafe.html"}) {
    CAPTURE(file);
    CHECK(std::filesystem::is_regular_file(out / file));
  }
  CHECK_FALSE(std::filesystem::exists(out / "wiki/Secret.html"));
  for (const auto& entry : std::filesystem::recursive_directory_iterator(out)) {
    if (!entry.is_regular_file()) continue;
    const std::string data = read_bytes(entry.path());
    for (const char* never : testing::kNeverExported) {
      CAPTURE(entry.path().string());
      CHECK_FALSE(contains(data, never));
    }
  }
  const std::string lion = read_bytes(out / "wiki/Lion.html");
  CHECK(contains(lion, "grand félin"));
  CHECK(contains(lion, "href=\"../wiki/Z%C3%A8bre.html\""));
  CHECK(contains(lion, "<a class=\"new\" title=\"Gazelle inconnue\">"));
  CHECK(contains(lion, "href=\"../kidwiki.css\""));
  CHECK(contains(lion, "src=\"../titles.js\""));
  CHECK(contains(lion, "src=\"../media/"));
  CHECK_FALSE(contains(lion, "action=edit"));
  const std::string titles = read_bytes(out / "titles.js");
  CHECK(contains(titles, "[\"Lion\",\"wiki/Lion.html\"]"));
  CHECK(contains(titles, "[\"Roi des animaux\",\"wiki/Lion.html\"]"));  // a redirect's target
  CHECK(contains(read_bytes(out / "index.html"), "href=\"./wiki/Girafe.html\""));
  std::size_t pictures = 0;
  for (const auto& entry : std::filesystem::directory_iterator(out / "media")) {
    pictures += entry.is_regular_file();
  }
  CHECK(pictures == done->pictures);
  CHECK(pictures >= 1);
}

TEST_CASE("a folder export names apart pages whose file names a USB stick would take for one") {
  OfflineFixture f;
  f.publish("LION", "Un autre lion.");
  f.publish("AC/DC", "Un groupe.");
  f.publish("AC:DC", "Un autre groupe.");
  const auto out = f.dir / "stick";
  REQUIRE(offline::export_html(*f.wiki, f.fr, offline::whole_edition(f.fr), out));
  CHECK(contains(read_bytes(out / "wiki/Lion.html"), "grand félin"));
  CHECK(contains(read_bytes(out / "wiki/LION_2.html"), "Un autre lion."));
  // Which of the two comes first is the edition's collation's choice; both are there.
  const std::string both = read_bytes(out / "wiki/AC_DC.html") + read_bytes(out / "wiki/AC_DC_2.html");
  CHECK(contains(both, "Un groupe."));
  CHECK(contains(both, "Un autre groupe."));
  CHECK(contains(read_bytes(out / "titles.js"), "[\"LION\",\"wiki/LION_2.html\"]"));
}

TEST_CASE("a folder export refuses a folder that holds files, and leaves nothing when stopped") {
  OfflineFixture f;
  const auto busy = f.dir / "busy";
  std::filesystem::create_directories(busy);
  { std::ofstream(busy / "notes.txt") << "à garder"; }
  auto refused = offline::export_html(*f.wiki, f.fr, offline::whole_edition(f.fr), busy);
  REQUIRE_FALSE(refused);
  CHECK(refused.error().message_id == "offline-error-folder-not-empty");
  CHECK(read_bytes(busy / "notes.txt") == "à garder");

  const auto stopped_dir = f.dir / "stopped";
  offline::ExportProgress progress;
  progress.stop = [] { return true; };
  auto stopped = offline::export_html(*f.wiki, f.fr, offline::whole_edition(f.fr), stopped_dir,
                                      progress);
  REQUIRE(stopped);
  CHECK(stopped->stopped);
  CHECK_FALSE(std::filesystem::exists(stopped_dir));
  for (const auto& entry : std::filesystem::directory_iterator(f.dir)) {
    CHECK(entry.path().filename().string().find(".part-") == std::string::npos);
  }
}

TEST_CASE("a folder export zipped holds the folder under the zip's name, and nothing else is left") {
  OfflineFixture f;
  const auto out = f.dir / "copies" / "CM1 Jaune.zip";
  std::filesystem::create_directories(out.parent_path());
  auto done = offline::export_html_zip(*f.wiki, f.fr, offline::whole_edition(f.fr), out);
  REQUIRE(done);
  CHECK(done->pages == 4);
  const std::string zip = read_bytes(out);
  REQUIRE(zip.size() > 4);
  CHECK(zip.compare(0, 4, "PK\x03\x04") == 0);
  // A zip's file names are stored as they are: the folder, its pages, its search.
  for (const char* name : {"CM1 Jaune/index.html", "CM1 Jaune/wiki/Lion.html", "CM1 Jaune/titles.js",
                           "CM1 Jaune/search.js", "CM1 Jaune/kidwiki.css"}) {
    CAPTURE(name);
    CHECK(contains(zip, name));
  }
  CHECK_FALSE(contains(zip, "Secret.html"));
  std::vector<std::string> left;
  for (const auto& entry : std::filesystem::directory_iterator(out.parent_path())) {
    left.push_back(entry.path().filename().string());
  }
  CHECK(left == std::vector<std::string>{"CM1 Jaune.zip"});
}

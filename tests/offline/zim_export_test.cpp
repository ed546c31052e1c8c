// export_zim (offline/export.h): the ZIM file holds what readers see and nothing else, with its
// links, redirects, pictures, main page, metadata and indexes; it is read back with libzim.
#include <doctest/doctest.h>

#include <zim/archive.h>
#include <zim/item.h>
#include <zim/search.h>

#include "offline/export.h"
#include "offline_fixture.h"

using namespace kidwiki;
using kidwiki::testing::OfflineFixture;

namespace {

std::string content(const zim::Archive& zim, const std::string& path) {
  return std::string(zim.getEntryByPath(path).getItem(true).getData());
}

std::vector<std::string> search_paths(const zim::Archive& zim, const std::string& words) {
  zim::Searcher searcher(zim);
  auto search = searcher.search(zim::Query(words));
  std::vector<std::string> paths;
  for (const auto& entry : search.getResults(0, 20)) paths.push_back(entry.getPath());
  return paths;
}

bool has(const std::vector<std::string>& list, const std::string& value) {
  return std::find(list.begin(), list.end(), value) != list.end();
}

struct ZimFixture : OfflineFixture {
  std::filesystem::path out = dir / "copies" / "kidwiki_fr.zim";
  offline::ExportSummary summary;
  ZimFixture() {
    std::filesystem::create_directories(out.parent_path());
    auto done = offline::export_zim(*wiki, fr, offline::whole_edition(fr), out);
    REQUIRE(done);
    summary = done.value();
  }
};

}  // namespace

TEST_CASE("a ZIM export holds only what readers see") {
  ZimFixture f;
  zim::Archive zim(f.out.string());
  CHECK(f.summary.pages == 4);  // the main page, Lion, Zèbre, Girafe
  CHECK(f.summary.redirects == 1);
  CHECK(content(zim, "Lion").find("grand félin") != std::string::npos);
  CHECK(content(zim, "Girafe").find("long cou") != std::string::npos);
  CHECK_FALSE(zim.hasEntryByPath("Secret"));
  for (const auto& entry : zim.iterByPath()) {
    if (entry.isRedirect()) continue;
    const std::string data = std::string(entry.getItem().getData());
    for (const char* never : testing::kNeverExported) {
      CAPTURE(entry.getPath());
      CHECK(data.find(never) == std::string::npos);
    }
  }
  // libzim indexes words without their accents; Debian's libzim 8 does not fold the query's.
  CHECK(search_paths(zim, "chasse") == std::vector<std::string>{"Lion"});
  CHECK(search_paths(zim, "rayures") == std::vector<std::string>{"Zèbre"});
  CHECK(search_paths(zim, "CACHEE").empty());
  CHECK(search_paths(zim, "ATTENTE").empty());
}

TEST_CASE("a ZIM export links its pages relatively, with red links as plain text") {
  ZimFixture f;
  zim::Archive zim(f.out.string());
  const std::string lion = content(zim, "Lion");
  CHECK(lion.find("href=\"./Z%C3%A8bre\"") != std::string::npos);
  CHECK(lion.find("<a class=\"new\" title=\"Gazelle inconnue\">Gazelle inconnue</a>") !=
        std::string::npos);
  CHECK(lion.find("href=\"./_kidwiki.css\"") != std::string::npos);
  // Nothing that needs the server: no edit link, no form, no script, no login.
  for (const char* server_only : {"action=edit", "<form", "<script", "login", "/fr/wiki/"}) {
    CAPTURE(server_only);
    CHECK(lion.find(server_only) == std::string::npos);
  }
  CHECK(lion.find("Animaux") != std::string::npos);  // its category, as text
}

TEST_CASE("a ZIM export has its redirects, pictures, main page and metadata") {
  ZimFixture f;
  zim::Archive zim(f.out.string());
  auto redirect = zim.getEntryByPath("Roi_des_animaux");
  REQUIRE(redirect.isRedirect());
  CHECK(redirect.getRedirectEntry().getPath() == "Lion");
  CHECK(zim.getMainEntry().getItem(true).getPath() == f.fr.main_page);

  const std::string lion = content(zim, "Lion");
  const auto src = lion.find("src=\"./_media/");
  REQUIRE(src != std::string::npos);
  const auto start = src + std::string("src=\"./").size();
  const std::string picture = lion.substr(start, lion.find('"', start) - start);
  auto item = zim.getEntryByPath(picture).getItem();
  CHECK(item.getMimetype() == "image/jpeg");
  CHECK(item.getSize() > 100);
  CHECK(f.summary.pictures >= 1);

  CHECK(zim.getMetadata("Language") == "fra");
  CHECK(zim.getMetadata("Title") == f.fr.name.substr(0, std::min<std::size_t>(f.fr.name.size(), 30)));
  CHECK(zim.getMetadata("License") == "CC BY-SA");
  CHECK(zim.getMetadata("Name") == "kidwiki_fr_all");
  CHECK_FALSE(zim.getMetadata("Description").empty());
  CHECK(zim.getMetadata("Date").size() == 10);
  CHECK(zim.getIllustrationSizes().count(48) == 1);
  CHECK(zim.hasFulltextIndex());
  CHECK(zim.hasTitleIndex());
}

TEST_CASE("a stopped ZIM export leaves nothing behind, and an unwritable place is an error") {
  OfflineFixture f;
  const auto folder = f.dir / "copies";
  std::filesystem::create_directories(folder);
  int written = 0;
  offline::ExportProgress progress;
  progress.advanced = [&] { ++written; };
  progress.stop = [&] { return written == 2; };
  auto done = offline::export_zim(*f.wiki, f.fr, offline::whole_edition(f.fr), folder / "a.zim",
                                  progress);
  REQUIRE(done);
  CHECK(done->stopped);
  CHECK(std::filesystem::is_empty(folder));

  auto refused = offline::export_zim(*f.wiki, f.fr, offline::whole_edition(f.fr),
                                     f.dir / "missing-folder" / "a.zim");
  REQUIRE_FALSE(refused);
  CHECK(refused.error().message_id == "offline-error-write");
}

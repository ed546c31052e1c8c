// The MediaWiki dump reader and the imports (web/src/import): the samples of tests/data/mediawiki
// (a real slice of Wikipedia's history among them), compressed or not, all revisions or the latest, twice, interrupted and
// resumed, held; a folder of Markdown; and the real `kidwiki import` beside a running server.
#include <doctest/doctest.h>
#include <httplib.h>
#include <spawn.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <cctype>
#include <csignal>
#include <fstream>
#include <map>
#include <nlohmann/json.hpp>
#include <regex>

#include "../engine/wiki_fixture.h"
#include "../mediawiki_dump_maker.h"
#include "cli/import_report.h"
#include "import/importer.h"
#include "import/mediawiki_dump.h"
#include "kidwiki_process.h"
#include "test_server.h"

using namespace kidwiki;
using kidwiki::testing::WikiFixture;

namespace {

const std::filesystem::path kSamples =
    std::filesystem::path(KIDWIKI_SOURCE_DIR) / "tests/data/mediawiki";
const std::filesystem::path kSample = kSamples / "vikidia-sample.xml";
const std::filesystem::path kRealHistory = kSamples / "wikipedia-anarchism-history.xml.xz";

std::vector<import::DumpRevision> read_all(const std::filesystem::path& path, bool latest) {
  std::string error;
  auto reader = import::DumpReader::open(path, latest, error);
  REQUIRE_MESSAGE(reader != nullptr, error);
  std::vector<import::DumpRevision> all;
  while (auto r = reader->next()) all.push_back(std::move(*r));
  CHECK(reader->error().empty());
  CHECK(reader->bytes_read() == reader->size());
  return all;
}

struct Imported {
  import::ImportTotals totals;
  std::map<std::string, import::PageOutcome> pages;
};

Imported import_dump(engine::Wiki& wiki, const engine::Edition& ed,
                     const std::filesystem::path& dump, import::ImportSettings settings = {},
                     int stop_after_pages = -1) {
  Imported out;
  int pages = 0;
  auto totals = import::import_mediawiki(
      wiki, engine::Actor::console(), ed, dump, settings,
      [&](const import::PageOutcome& p) { out.pages[p.title] = p; },
      [&](std::uint64_t, std::uint64_t) {
        return stop_after_pages < 0 || pages++ < stop_after_pages;
      });
  REQUIRE_MESSAGE(totals.ok(), (totals ? "" : totals.error().message_id));
  out.totals = totals.value();
  return out;
}

// Every page of the edition with its history (id-free: authors, times, summaries, texts).
std::string snapshot(WikiFixture& f) {
  std::string out;
  for (auto ns :
       {engine::Namespace::article, engine::Namespace::talk, engine::Namespace::category}) {
    for (const auto& entry : f.wiki->all_pages(f.fr, ns)) {
      auto history = f.wiki->history(f.console(), f.fr, entry.title, 100, std::nullopt);
      out += entry.title.text + "\n";
      for (const auto& info : history->items) {
        auto rev = f.wiki->revision(f.console(), f.fr, info.id);
        out += info.author + "|" + info.timestamp + "|" + info.summary + "|" +
               std::string(engine::review_state_name(info.review)) + "|" + rev->markdown + "\n";
      }
    }
  }
  return out;
}

}  // namespace

TEST_CASE("the dump reader streams every revision of the Vikidia sample") {
  const auto all = read_all(kSample, false);
  REQUIRE(all.size() == 11);
  CHECK(all[0].title == "Rouet");
  CHECK(all[0].ns == 0);
  CHECK(all[0].id == "1001");
  CHECK(all[0].author == "Astirmays");
  CHECK(all[0].timestamp == "2012-05-03T14:02:11Z");
  CHECK(all[0].comment == "Nouvelle page : Un rouet est une machine");
  CHECK(all[0].model == "wikitext");
  CHECK(all[0].text.starts_with("{{Ébauche|technologie}}\nUn '''rouet'''"));
  CHECK(all[1].parent_id == "1001");
  CHECK(all[1].author == "192.0.2.44");  // an IP address: the dump's <ip>
  auto redirect =
      std::find_if(all.begin(), all.end(), [](auto& r) { return r.title == "Point compté"; });
  REQUIRE(redirect != all.end());
  CHECK(redirect->redirect == "Point de croix");
  auto talk = std::find_if(all.begin(), all.end(), [](auto& r) { return r.ns == 1; });
  REQUIRE(talk != all.end());
  CHECK(talk->title == "Discussion:Rouet");
  CHECK(talk->redirect.empty());
}

// MediaWiki's own example of its format (tests/data/mediawiki/README.md): comments, <minor/>,
// <sha1>, <restrictions>, an <upload> and a <logitem>, revisions listed newest first.
TEST_CASE("the dump reader reads MediaWiki's own export example") {
  const auto demo = kSamples / "mediawiki-export-demo.xml";
  const auto all = read_all(demo, false);
  REQUIRE(all.size() == 4);
  CHECK(all[0].title == "Page title");
  CHECK(all[0].id == "100");
  CHECK(all[0].parent_id == "99");
  CHECK(all[0].author == "Foobar");
  CHECK(all[0].redirect == "Target");
  CHECK(all[0].comment == "I have just one thing to say!");
  CHECK(all[0].text == "A bunch of [[text]] here.");
  CHECK(all[1].id == "99");
  CHECK(all[1].author == "10.0.0.2");
  CHECK(all[1].text == "An earlier [[revision]].");
  CHECK(all[2].title == "Talk:Page title");
  CHECK(all[2].ns == 1);
  CHECK(all[3].title == "File:Some image.jpg");
  CHECK(all[3].ns == 6);
  const auto latest = read_all(demo, true);
  REQUIRE(latest.size() == 3);
  CHECK(latest[0].id == "100");  // the newest, though the example lists it first
}

TEST_CASE("with --latest the reader gives each page's newest revision only") {
  const auto latest = read_all(kSample, true);
  REQUIRE(latest.size() == 9);
  CHECK(latest[0].id == "1002");
  CHECK(latest[1].id == "1011");
}

TEST_CASE("compressed dumps read the same as the plain one") {
  const auto plain = read_all(kSample, false);
  for (const char* name : {"vikidia-sample.xml.bz2", "vikidia-sample.xml.gz"}) {
    CAPTURE(name);
    const auto packed = read_all(kSamples / name, false);
    REQUIRE(packed.size() == plain.size());
    for (std::size_t i = 0; i < plain.size(); ++i) {
      CHECK(packed[i].id == plain[i].id);
      CHECK(packed[i].text == plain[i].text);
    }
  }
}

TEST_CASE("an unreadable or broken dump is an error, not a crash") {
  const auto dir = testing::make_temp_dir();
  std::string error;
  CHECK_FALSE(import::DumpReader::open(dir / "missing.xml", false, error));
  CHECK_FALSE(error.empty());
  // Cut in the middle of a page: the revisions before it come, then an error.
  std::ifstream in(kSample);
  std::string text((std::istreambuf_iterator<char>(in)), {});
  std::ofstream(dir / "cut.xml") << text.substr(0, text.find("<title>Djoser</title>"));
  auto reader = import::DumpReader::open(dir / "cut.xml", false, error);
  REQUIRE(reader);
  int count = 0;
  while (reader->next()) ++count;
  CHECK(count == 4);
  CHECK_FALSE(reader->error().empty());
  std::ofstream(dir / "junk.xml") << "not xml at all <<<";
  reader = import::DumpReader::open(dir / "junk.xml", false, error);
  REQUIRE(reader);
  CHECK_FALSE(reader->next());
  CHECK_FALSE(reader->error().empty());
  std::filesystem::remove_all(dir);
}

// The dump is input from elsewhere: damaged bytes, entity bombs and deep nesting end in revisions
// or an error, never a crash or a hang.
TEST_CASE("the dump reader survives damaged and hostile XML" * doctest::timeout(120)) {
  const auto dir = testing::make_temp_dir();
  std::ifstream in(kSample, std::ios::binary);
  const std::string sample((std::istreambuf_iterator<char>(in)), {});
  std::uint64_t state = 7;
  auto next = [&] { return state = state * 6364136223846793005ull + 1442695040888963407ull; };
  for (int round = 0; round < 300; ++round) {
    std::string damaged = sample;
    for (int k = 0; k < 8; ++k)
      damaged[(next() >> 33) % damaged.size()] = static_cast<char>(next() >> 56);
    std::ofstream(dir / "damaged.xml", std::ios::binary) << damaged;
    std::string error;
    auto reader = import::DumpReader::open(dir / "damaged.xml", false, error);
    REQUIRE(reader != nullptr);
    int count = 0;
    while (reader->next()) ++count;
    CHECK(count <= 11);
  }
  std::string bomb = "<?xml version=\"1.0\"?><!DOCTYPE mediawiki [<!ENTITY a \"aaaaaaaaaa\">";
  for (char c = 'b'; c <= 'k'; ++c) {
    const std::string prev(1, static_cast<char>(c - 1));
    bomb += std::string("<!ENTITY ") + c + " \"" + "&" + prev + ";&" + prev + ";&" + prev + ";&" +
            prev + ";&" + prev + ";&" + prev + ";&" + prev + ";&" + prev + ";&" + prev + ";&" +
            prev + ";\">";
  }
  bomb +=
      "]><mediawiki><page><title>T</title><ns>0</ns><id>1</id><revision><id>1</id>"
      "<text>&k;</text></revision></page></mediawiki>";
  std::ofstream(dir / "bomb.xml") << bomb;
  std::string error;
  auto reader = import::DumpReader::open(dir / "bomb.xml", false, error);
  REQUIRE(reader != nullptr);
  while (auto r = reader->next()) CHECK(r->text.size() < 1000);  // entities are never expanded
  std::string deep = "<mediawiki>";
  for (int k = 0; k < 100000; ++k) deep += "<x>";
  std::ofstream(dir / "deep.xml") << deep;
  reader = import::DumpReader::open(dir / "deep.xml", false, error);
  REQUIRE(reader != nullptr);
  CHECK_FALSE(reader->next());
  CHECK_FALSE(reader->error().empty());
  std::filesystem::remove_all(dir);
}

TEST_CASE("the Vikidia sample imports with its history, redirects, talk, categories and links") {
  WikiFixture f;
  const Imported done = import_dump(*f.wiki, f.fr, kSample);
  CHECK(done.totals.pages == 7);
  CHECK(done.totals.skipped_pages == 2);
  CHECK(done.totals.published == 9);
  CHECK(done.totals.refused == 0);
  CHECK(done.pages.at("Modèle:Ébauche").skipped.find("namespace 10") != std::string::npos);
  CHECK_FALSE(done.pages.at("Fichier:Gandhi spinning.jpg").skipped.empty());

  auto rouet = f.wiki->read(f.reader(), f.fr, f.title(f.fr, "Rouet"), true);
  REQUIRE(rouet);
  CHECK(rouet->markdown.find("![[[Gandhi]] filant") == std::string::npos);
  CHECK(rouet->markdown.find("![Gandhi filant avec son rouet](<Fichier:Gandhi spinning.jpg>)") !=
        std::string::npos);
  CHECK(rouet->categories == std::vector<std::string>{"Machine"});
  REQUIRE(rouet->langlinks.size() == 1);
  CHECK(rouet->langlinks[0].title == "Spinning wheel");
  auto history = f.wiki->history(f.reader(), f.fr, f.title(f.fr, "Rouet"), 10, std::nullopt);
  REQUIRE(history->items.size() == 2);
  CHECK(history->items[0].author == "192.0.2.44");
  CHECK(history->items[0].timestamp == "2014-11-20T09:45:00Z");
  CHECK(history->items[1].author == "Astirmays");
  CHECK_FALSE(history->items[1].author_id.has_value());
  CHECK(history->items[1].summary == "Nouvelle page : Un rouet est une machine");

  auto redirect = f.wiki->read(f.reader(), f.fr, f.title(f.fr, "Point compté"), true);
  REQUIRE(redirect);
  CHECK(redirect->title.text == "Point de croix");
  CHECK(f.reader_text(f.fr, "Discussion:Rouet").starts_with("## Image"));
  CHECK(f.reader_text(f.fr, "Catégorie:Machine").find("**machines**") != std::string::npos);
  const auto verger = f.reader_text(f.fr, "Verger");
  CHECK(verger.find("| Pommier | [[Pomme]] |") != std::string::npos);
  CHECK(verger.find("## Sources\n\n1. Wiktionnaire, « verger ».") != std::string::npos);
  const auto& djoser = done.pages.at("Djoser");
  CHECK(djoser.lost.at("{{Infobox Pharaon}}") == 1);
  CHECK(djoser.lost.at("<gallery>") == 1);
}

// Real wikitext as a real wiki's editors wrote it over nine years: what a hand-made sample never
// holds (citation templates in every note, navigation boxes, e-mail addresses, interwiki lists of
// a hundred languages, vandalism and its reverts).
TEST_CASE("a real Wikipedia history imports revision by revision, through the filters") {
  const auto revisions = read_all(kRealHistory, false);
  REQUIRE(revisions.size() == 500);
  CHECK(revisions.front().timestamp == "2001-10-11T20:18:47Z");
  CHECK(revisions.back().timestamp == "2010-02-02T03:43:07Z");
  CHECK(std::is_sorted(revisions.begin(), revisions.end(),
                       [](const auto& a, const auto& b) { return a.timestamp < b.timestamp; }));
  CHECK(std::all_of(revisions.begin(), revisions.end(),
                    [](const auto& r) { return r.title == "Anarchism" && r.ns == 0; }));
  CHECK(std::count_if(revisions.begin(), revisions.end(), [](const auto& r) {
          return !r.author.empty() && std::isdigit(static_cast<unsigned char>(r.author[0]));
        }) == 93);  // edits from an IP address (two of them masked as "216.39.146.xxx")

  WikiFixture f;
  const Imported done = import_dump(*f.wiki, f.en, kRealHistory);
  const auto& page = done.pages.at("Anarchism");
  CHECK(page.published + page.held + page.unchanged + static_cast<int>(page.refused.size()) == 500);
  // Two revisions of 2002 held an e-mail address: refused, as a pupil's edit would be.
  REQUIRE(page.refused.size() == 2);
  CHECK(page.refused[0].starts_with("415242: "));
  // The 2010 text says the Royalists used the word "to damn" their foes: the word list holds it
  // for a reviewer rather than publishing it, and readers keep the last approved text.
  CHECK(page.held == 95);
  CHECK(page.published == 395);
  // Citations, "main article" notes and dashes convert; navigation boxes and the like are named.
  CHECK(page.lost.count("{{cite book}}") == 0);
  CHECK(page.lost.count("{{main}}") == 0);
  CHECK(page.lost.at("{{Anarchism sidebar}}") == 1);

  auto history = f.wiki->history(f.console(), f.en, f.title(f.en, "Anarchism"), 1, std::nullopt);
  REQUIRE(history->items.size() == 1);
  const auto newest = f.wiki->revision(f.console(), f.en, history->items[0].id);
  REQUIRE(newest);
  CHECK(newest->markdown.starts_with("**Anarchism** is a [[political philosophy]]"));
  CHECK(newest->markdown.find("→ [[Anarchist schools of thought]]") != std::string::npos);
  CHECK(newest->markdown.find("Purkis, Jon. *Changing Anarchism*. Manchester University Press, "
                              "2004. ISBN 0719066948.") != std::string::npos);
  CHECK(newest->markdown.find("{{") == std::string::npos);
  CHECK(newest->markdown.find("<ref") == std::string::npos);
  // A caption ending with a note's number closes where MediaWiki closes it.
  CHECK(newest->markdown.find("(File:WilliamGodwin.jpg)\n") != std::string::npos);
  const auto shown = f.reader_text(f.en, "Anarchism");
  CHECK(shown.find("damn") == std::string::npos);
  CHECK(shown.find("Anarchism") != std::string::npos);
}

TEST_CASE("importing the same dump twice changes nothing") {
  WikiFixture f;
  import_dump(*f.wiki, f.fr, kSample);
  const std::string before = snapshot(f);
  const Imported again = import_dump(*f.wiki, f.fr, kSample);
  CHECK(again.totals.published == 0);
  CHECK(again.totals.already == 9);
  CHECK(snapshot(f) == before);
}

TEST_CASE("an interrupted import resumes to the same result as one run") {
  WikiFixture straight, resumed;
  import_dump(*straight.wiki, straight.fr, kSample);
  const Imported first = import_dump(*resumed.wiki, resumed.fr, kSample, {}, 3);
  CHECK(first.totals.stopped);
  CHECK(first.totals.pages == 3);
  const Imported rest = import_dump(*resumed.wiki, resumed.fr, kSample);
  CHECK_FALSE(rest.totals.stopped);
  CHECK(rest.totals.already == 5);  // the first three pages' five revisions
  CHECK(snapshot(resumed) == snapshot(straight));
}

TEST_CASE("--latest imports each page's newest revision; --held holds every one") {
  WikiFixture f;
  const Imported done = import_dump(*f.wiki, f.fr, kSample, {.latest_only = true, .hold = true});
  CHECK(done.totals.held == 7);
  CHECK(done.totals.published == 0);
  CHECK(f.reader_text(f.fr, "Rouet") == "(none)");
  auto queue = f.wiki->review_queue(f.console(), &f.fr, std::nullopt, 50);
  REQUIRE(queue);
  CHECK(queue->size() == 7);
}

TEST_CASE("a page that exists gets the imported history on top, and the report says so") {
  WikiFixture f;
  REQUIRE(f.save(f.fr, "Verger", "Notre propre texte sur le verger."));
  const Imported done = import_dump(*f.wiki, f.fr, kSample);
  CHECK(done.pages.at("Verger").existed);
  CHECK_FALSE(done.pages.at("Rouet").existed);
  auto history = f.wiki->history(f.reader(), f.fr, f.title(f.fr, "Verger"), 10, std::nullopt);
  CHECK(history->items.size() == 3);
}

TEST_CASE("a folder of Markdown imports once, and an edited file adds a revision") {
  WikiFixture f;
  const auto dir = testing::make_temp_dir();
  std::ofstream(dir / "Chat.md") << "Le **chat** miaule.\n\n[[Catégorie:Félin]]\n";
  std::ofstream(dir / "Sciences\u2215Physique.md") << "La physique.\n";
  std::ofstream(dir / "Discussion:Chat.md") << "Une question ?\n";
  std::ofstream(dir / "notes.txt") << "pas une page";
  std::filesystem::create_directory(dir / "brouillons");
  std::vector<import::PageOutcome> report;
  auto run = [&] {
    report.clear();
    return import::import_markdown_folder(
        *f.wiki, f.console(), f.fr, dir, {.author = "École Jules Ferry"},
        [&](const import::PageOutcome& p) { report.push_back(p); },
        [](std::uint64_t, std::uint64_t) { return true; });
  };
  auto first = run();
  REQUIRE(first);
  CHECK(first->published == 3);
  CHECK(first->skipped_pages == 2);
  CHECK(f.reader_text(f.fr, "Sciences/Physique") == "La physique.");
  CHECK(f.reader_text(f.fr, "Discussion:Chat") == "Une question ?");
  auto history = f.wiki->history(f.reader(), f.fr, f.title(f.fr, "Chat"), 10, std::nullopt);
  CHECK(history->items[0].author == "École Jules Ferry");
  auto again = run();
  CHECK(again->published == 0);
  CHECK(again->already == 3);
  std::ofstream(dir / "Chat.md") << "Le **chat** ronronne.\n";
  auto edited = run();
  CHECK(edited->published == 1);
  CHECK(f.reader_text(f.fr, "Chat") == "Le **chat** ronronne.");
  std::filesystem::remove_all(dir);
}

TEST_CASE("the report has a line per page and the totals") {
  const auto dir = testing::make_temp_dir();
  {
    cli::ImportReport report(dir / "r" / "report.txt", "header");
    REQUIRE(report.ok());
    import::PageOutcome page{.title = "Djoser", .published = 1};
    page.lost = {{"{{Infobox Pharaon}}", 1}, {"<gallery>", 2}};
    page.refused = {"12: too large"};
    report.page(page);
    report.page(import::PageOutcome{.title = "Modèle:X", .skipped = "namespace 10"});
    report.totals(import::ImportTotals{.pages = 1, .skipped_pages = 1, .published = 1});
  }
  std::ifstream in(dir / "r" / "report.txt");
  std::string text((std::istreambuf_iterator<char>(in)), {});
  CHECK(text ==
        "# header\n"
        "Djoser\tpublished: 1, held: 0, already imported: 0, unchanged: 0; dropped: <gallery> ×2, "
        "{{Infobox Pharaon}} ×1; refused revision 12: too large\n"
        "Modèle:X\tskipped: namespace 10\n"
        "# pages: 1, skipped: 1; revisions published: 1, held: 0, already imported: 0, "
        "unchanged: 0, refused: 0\n");
  std::filesystem::remove_all(dir);
}

TEST_SUITE_BEGIN("process");

// Issue 16's "done when": a MediaWiki export of more than 1,000 pages with their history, imported
// by the real program into the data folder of a running server, read back through the API.
TEST_CASE("kidwiki import loads a 1,000-page dump into a running server" * doctest::timeout(900)) {
  const auto dir = testing::make_temp_dir();
  const auto made = testing::make_mediawiki_dump(
      std::filesystem::path(KIDWIKI_SOURCE_DIR) / "tests/data/vikidia-fr", dir / "dump.xml");
  REQUIRE(made.pages >= 1000);
  REQUIRE(made.revisions >= 3000);
  web::testing::KidwikiProcess server((dir / "data").string());
  httplib::Client client("127.0.0.1", server.port());
  REQUIRE(client.Get("/api/v1/fr/pages/Rouet")->status == 404);
  const auto before = client.Get("/fr/wiki/Rouet");  // a view the server may keep in its cache
  REQUIRE(before);
  CHECK(before->status == 404);

  const std::string command =
      std::string(KIDWIKI_BINARY) + " import mediawiki " + (dir / "dump.xml").string() +
      " --lang fr --data " + (dir / "data").string() + " --report " +
      (dir / "report.txt").string() + " > " + (dir / "out.txt").string() + " 2>&1";
  REQUIRE(std::system(command.c_str()) == 0);

  std::ifstream report(dir / "report.txt");
  std::vector<std::string> lines;
  for (std::string line; std::getline(report, line);) lines.push_back(line);
  CHECK(lines.size() == static_cast<std::size_t>(made.pages) + 2);
  // Every revision is in: published, or held by the French word filter (an article about a
  // murderer holds words a teacher should see first), none refused.
  static const std::regex totals(
      R"(# pages: ([0-9,]+), skipped: 0; revisions published: ([0-9,]+), held: ([0-9,]+), already imported: 0, unchanged: 0, refused: 0)");
  std::smatch found;
  REQUIRE(std::regex_match(lines.back(), found, totals));
  auto number = [](std::string digits) {
    std::erase(digits, ',');
    return std::stoi(digits);
  };
  CHECK(number(found[1]) == made.pages);
  CHECK(number(found[2]) + number(found[3]) == made.revisions);
  CHECK(number(found[2]) > made.revisions * 9 / 10);
  for (const std::string& title :
       {made.titles.front(), made.titles[made.titles.size() / 2], made.titles.back()}) {
    CAPTURE(title);
    auto page = client.Get("/api/v1/fr/pages/" + web::testing::url_encode(title));
    REQUIRE(page);
    CHECK(page->status == 200);
    auto history = client.Get("/api/v1/fr/pages/" + web::testing::url_encode(title) + "/history");
    REQUIRE(history);
    auto revisions = nlohmann::json::parse(history->body)["revisions"];
    CHECK(revisions.size() == 3);
    CHECK(revisions[0]["author"].get<std::string>().starts_with("Contributeur "));
  }
  // The server's own view learns of the other process's commits (it looks once a second, and the
  // import took longer than that).
  const auto after = client.Get("/fr/wiki/Rouet");
  REQUIRE(after);
  CHECK(after->status == 200);
  CHECK(after->body.find("rouet") != std::string::npos);
  // Run again while the server serves: nothing new.
  REQUIRE(std::system(command.c_str()) == 0);
  std::ifstream again(dir / "report.txt");
  std::string last;
  for (std::string line; std::getline(again, line);) last = line;
  static const std::regex nothing_new(
      R"(# pages: [0-9,]+, skipped: 0; revisions published: 0, held: 0, already imported: ([0-9,]+), unchanged: 0, refused: 0)");
  REQUIRE(std::regex_match(last, found, nothing_new));
  CHECK(number(found[1]) == made.revisions);

  // The real sample beside the generated pages: Wikipedia's own history of a page, into the
  // English edition of the same running wiki. Readers get the last approved text (2003), the
  // history has every revision written, held ones included, for those who may see them.
  const std::string real = std::string(KIDWIKI_BINARY) + " import mediawiki " +
                           (std::filesystem::path(KIDWIKI_SOURCE_DIR) /
                            "tests/data/mediawiki/wikipedia-anarchism-history.xml.xz")
                               .string() +
                           " --lang en --data " + (dir / "data").string() + " --report " +
                           (dir / "real.txt").string() + " > " + (dir / "out.txt").string() +
                           " 2>&1";
  REQUIRE(std::system(real.c_str()) == 0);
  std::ifstream real_report(dir / "real.txt");
  for (std::string line; std::getline(real_report, line);) last = line;
  CHECK(last == "# pages: 1, skipped: 0; revisions published: 395, held: 95, already imported: 0, "
                "unchanged: 8, refused: 2");
  auto anarchism = client.Get("/api/v1/en/pages/Anarchism");
  REQUIRE(anarchism);
  CHECK(anarchism->status == 200);
  CHECK(nlohmann::json::parse(anarchism->body)["markdown"].get<std::string>().find("anarchism") !=
        std::string::npos);
  CHECK(server.terminate() == 0);
  std::filesystem::remove_all(dir);
}

// Ctrl-C during the real program: it stops between two pages with what it imported committed,
// says so, and the same command then imports the rest and nothing twice.
TEST_CASE("kidwiki import stopped by Ctrl-C resumes where it stopped" * doctest::timeout(600)) {
  const auto dir = testing::make_temp_dir();
  const auto made = testing::make_mediawiki_dump(
      std::filesystem::path(KIDWIKI_SOURCE_DIR) / "tests/data/vikidia-fr", dir / "dump.xml", 3);
  std::vector<std::string> args = {KIDWIKI_BINARY, "import",
                                   "mediawiki",    (dir / "dump.xml").string(),
                                   "--lang",       "fr",
                                   "--data",       (dir / "data").string(),
                                   "--report",     (dir / "first.txt").string()};
  int out[2];
  REQUIRE(pipe(out) == 0);
  posix_spawn_file_actions_t actions;
  posix_spawn_file_actions_init(&actions);
  posix_spawn_file_actions_adddup2(&actions, out[1], STDOUT_FILENO);
  posix_spawn_file_actions_addclose(&actions, out[0]);
  std::vector<char*> argv;
  for (auto& arg : args) argv.push_back(arg.data());
  argv.push_back(nullptr);
  pid_t pid = 0;
  REQUIRE(posix_spawn(&pid, argv[0], &actions, nullptr, argv.data(), environ) == 0);
  posix_spawn_file_actions_destroy(&actions);
  close(out[1]);
  FILE* lines = fdopen(out[0], "r");
  // Off a terminal the bar prints a line at most once a second: the second one comes once some
  // pages are in.
  char line[4096];
  int progress_lines = 0;
  while (progress_lines < 2 && std::fgets(line, sizeof line, lines) != nullptr) {
    if (std::string(line).starts_with("Importing")) ++progress_lines;
  }
  ::kill(pid, SIGINT);
  std::string rest;
  while (std::fgets(line, sizeof line, lines) != nullptr) rest += line;
  std::fclose(lines);
  int status = 0;
  waitpid(pid, &status, 0);
  REQUIRE(WIFEXITED(status));
  CHECK(WEXITSTATUS(status) == 130);
  CHECK(rest.find("Stopped: run the same command again") != std::string::npos);

  static const std::regex totals(
      R"(# pages: ([0-9,]+), skipped: 0; revisions published: ([0-9,]+), held: ([0-9,]+), already imported: ([0-9,]+), unchanged: 0, refused: 0.*)");
  auto number = [](std::string digits) {
    std::erase(digits, ',');
    return std::stoi(digits);
  };
  auto last_line = [](const std::filesystem::path& path) {
    std::ifstream in(path);
    std::string last;
    for (std::string l; std::getline(in, l);) last = l;
    return last;
  };
  std::smatch first;
  const std::string first_line = last_line(dir / "first.txt");
  REQUIRE(std::regex_match(first_line, first, totals));
  const int written = number(first[2]) + number(first[3]);
  CHECK(number(first[1]) < made.pages);
  CHECK(written == 3 * number(first[1]));  // whole pages: it stopped between two

  const std::string again = std::string(KIDWIKI_BINARY) + " import mediawiki " +
                            (dir / "dump.xml").string() + " --lang fr --data " +
                            (dir / "data").string() + " --report " + (dir / "second.txt").string() +
                            " > /dev/null";
  REQUIRE(std::system(again.c_str()) == 0);
  std::smatch second;
  const std::string second_line = last_line(dir / "second.txt");
  REQUIRE(std::regex_match(second_line, second, totals));
  CHECK(number(second[1]) == made.pages);
  CHECK(number(second[4]) == written);
  CHECK(number(second[2]) + number(second[3]) + written == made.revisions);
  std::filesystem::remove_all(dir);
}

TEST_SUITE_END();

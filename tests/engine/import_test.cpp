// Wiki::import_revision: the engine's path for revisions from another wiki or a folder. Authors
// are names without accounts, timestamps are kept, the filters hold what they hold, and the same
// source revision is never written twice.
#include <doctest/doctest.h>

#include "wiki_fixture.h"

using namespace kidwiki::engine;
using kidwiki::testing::WikiFixture;

namespace {

ImportedRevision rev(const std::string& id, const std::string& title, const std::string& text) {
  return ImportedRevision{.source = "mediawiki:test",
                          .source_id = id,
                          .title = title,
                          .markdown = text,
                          .summary = "imported",
                          .author = "Alice",
                          .timestamp = "2015-04-01T10:20:30Z"};
}

}  // namespace

TEST_CASE("an imported revision keeps its author's name, with no account, and its time") {
  WikiFixture f;
  auto done = f.wiki->import_revision(f.console(), f.fr, rev("1", "Chat", "Le chat miaule."));
  REQUIRE(done);
  CHECK(done->status == ImportStatus::published);
  CHECK(f.reader_text(f.fr, "Chat") == "Le chat miaule.");
  auto history = f.wiki->history(f.reader(), f.fr, f.title(f.fr, "Chat"), 10, std::nullopt);
  REQUIRE(history);
  REQUIRE(history->items.size() == 1);
  CHECK(history->items[0].author == "Alice");
  CHECK_FALSE(history->items[0].author_id.has_value());
  CHECK(history->items[0].timestamp == "2015-04-01T10:20:30Z");
  CHECK(history->items[0].summary == "imported");
}

TEST_CASE("a page's history is imported in order, each revision on the one before") {
  WikiFixture f;
  REQUIRE(f.wiki->import_revision(f.console(), f.fr, rev("1", "Chat", "un")));
  auto second = rev("2", "Chat", "un\ndeux");
  second.author = "192.0.2.1";
  second.timestamp = "2016-01-01T00:00:00Z";
  REQUIRE(f.wiki->import_revision(f.console(), f.fr, second));
  CHECK(f.reader_text(f.fr, "Chat") == "un\ndeux");
  auto history = f.wiki->history(f.reader(), f.fr, f.title(f.fr, "Chat"), 10, std::nullopt);
  REQUIRE(history->items.size() == 2);
  CHECK(history->items[0].author == "192.0.2.1");
  CHECK(history->items[0].parent_id == history->items[1].id);
}

TEST_CASE("importing the same source revision twice changes nothing") {
  WikiFixture f;
  auto first = f.wiki->import_revision(f.console(), f.fr, rev("7", "Chat", "Texte."));
  REQUIRE(first);
  auto again = f.wiki->import_revision(f.console(), f.fr, rev("7", "Chat", "Texte."));
  REQUIRE(again);
  CHECK(again->status == ImportStatus::already_imported);
  CHECK(again->revision_id == first->revision_id);
  auto history = f.wiki->history(f.reader(), f.fr, f.title(f.fr, "Chat"), 10, std::nullopt);
  CHECK(history->items.size() == 1);
  // Another source's revision of the same id is another revision.
  auto other = rev("7", "Chat", "Autre texte.");
  other.source = "mediawiki:other";
  CHECK(f.wiki->import_revision(f.console(), f.fr, other)->status == ImportStatus::published);
}

TEST_CASE("a text equal to the page's newest one is remembered but not written") {
  WikiFixture f;
  REQUIRE(f.save(f.fr, "Chat", "Pareil."));
  auto same = f.wiki->import_revision(f.console(), f.fr, rev("1", "Chat", "Pareil."));
  REQUIRE(same);
  CHECK(same->status == ImportStatus::unchanged);
  CHECK(f.wiki->import_revision(f.console(), f.fr, rev("1", "Chat", "Pareil."))->status ==
        ImportStatus::already_imported);
}

TEST_CASE("an existing page gets the imported history on top of its own") {
  WikiFixture f;
  auto own = f.save(f.fr, "Chat", "Notre texte.");
  REQUIRE(own);
  auto done = f.wiki->import_revision(f.console(), f.fr, rev("1", "Chat", "Le texte importé."));
  REQUIRE(done);
  CHECK(f.reader_text(f.fr, "Chat") == "Le texte importé.");
  auto history = f.wiki->history(f.reader(), f.fr, f.title(f.fr, "Chat"), 10, std::nullopt);
  REQUIRE(history->items.size() == 2);
  CHECK(history->items[0].parent_id == own->revision_id);
}

TEST_CASE("the filters hold an imported page with a rude word; --held holds everything") {
  WikiFixture f;
  auto rude = f.wiki->import_revision(f.console(), f.fr, rev("1", "Insulte", "t'es un con"));
  REQUIRE(rude);
  CHECK(rude->status == ImportStatus::held);
  CHECK(f.reader_text(f.fr, "Insulte") == "(none)");
  auto held = rev("2", "Chien", "Le chien aboie.");
  held.hold = true;
  auto waiting = f.wiki->import_revision(f.console(), f.fr, held);
  REQUIRE(waiting);
  CHECK(waiting->status == ImportStatus::held);
  CHECK(f.reader_text(f.fr, "Chien") == "(none)");
  auto queue = f.wiki->review_queue(f.console(), &f.fr, std::nullopt, 50);
  REQUIRE(queue);
  CHECK(queue->size() == 2);
  // An admin publishes it like any pending revision.
  REQUIRE(f.wiki->approve(f.console(), f.fr, waiting->revision_id));
  CHECK(f.reader_text(f.fr, "Chien") == "Le chien aboie.");
}

TEST_CASE("imports keep redirects, categories and interlanguage links, and talk pages") {
  WikiFixture f;
  REQUIRE(f.wiki->import_revision(
      f.console(), f.fr, rev("1", "Chat", "Un félin.\n\n[[Catégorie:Félin]]\n[[en:Cat]]")));
  REQUIRE(f.wiki->import_revision(f.console(), f.fr, rev("2", "Minou", "#REDIRECTION [[Chat]]")));
  REQUIRE(f.wiki->import_revision(f.console(), f.fr, rev("3", "Discussion:Chat", "Une question.")));
  auto view = f.wiki->read(f.reader(), f.fr, f.title(f.fr, "Minou"), true);
  REQUIRE(view);
  CHECK(view->title.text == "Chat");
  CHECK(view->categories == std::vector<std::string>{"Félin"});
  REQUIRE(view->langlinks.size() == 1);
  CHECK(view->langlinks[0].lang == "en");
  CHECK(f.reader_text(f.fr, "Discussion:Chat") == "Une question.");
}

TEST_CASE("import refusals are values and write nothing") {
  WikiFixture f;
  auto pupil = f.make_user("Zoé", Role::pupil);
  CHECK(f.wiki->import_revision(f.actor(pupil), f.fr, rev("1", "Chat", "x")).error().code ==
        ErrorCode::forbidden);
  auto no_source = rev("", "Chat", "x");
  CHECK(f.wiki->import_revision(f.console(), f.fr, no_source).error().message_id ==
        "import-error-no-source");
  auto bad_time = rev("1", "Chat", "x");
  bad_time.timestamp = "1er avril";
  CHECK(f.wiki->import_revision(f.console(), f.fr, bad_time).error().message_id ==
        "import-error-timestamp");
  CHECK(f.wiki->import_revision(f.console(), f.fr, rev("1", "<>", "x")).error().code ==
        ErrorCode::invalid_title);
  CHECK(f.reader_text(f.fr, "Chat") == "(none)");
  // A refused revision was not remembered: once fixed, it imports.
  CHECK(f.wiki->import_revision(f.console(), f.fr, rev("1", "Chat", "x"))->status ==
        ImportStatus::published);
}

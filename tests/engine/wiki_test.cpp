// The wiki end to end below HTTP: revisions, null edits, merges and conflicts, links and red
// links, categories, redirects and moves, reverts, lists, the search feed, and failure paths.
#include <doctest/doctest.h>

#include <algorithm>
#include <thread>

#include "store/database.h"
#include "wiki_fixture.h"

using namespace kidwiki::engine;
using kidwiki::testing::WikiFixture;

namespace {

std::vector<std::string> titles_of(const std::vector<PageListEntry>& entries) {
  std::vector<std::string> out;
  for (const auto& e : entries) out.push_back(e.title.text);
  return out;
}

std::string lines(int n, const std::string& prefix) {
  std::string s;
  for (int i = 1; i <= n; ++i) s += prefix + std::to_string(i) + "\n";
  return s;
}

}  // namespace

TEST_CASE("a page is created, read back and kept across a reopen") {
  WikiFixture f(false, 0, /*fast_passwords=*/true);
  const auto teacher = f.make_user("Mme Martin", Role::teacher);
  auto saved = f.save_as(f.actor(teacher), f.fr, "chat", "Le **chat** est un animal.");
  REQUIRE(saved.ok());
  CHECK(saved->status == SaveStatus::created);
  CHECK(saved->review == ReviewState::approved);
  f.reopen();
  auto view = f.wiki->read(f.reader(), f.fr, f.title(f.fr, "Chat"), true);
  REQUIRE(view.ok());
  CHECK(view->title.text == "Chat");
  CHECK(view->markdown == "Le **chat** est un animal.");
  CHECK(view->html.find("<strong>chat</strong>") != std::string::npos);
  // The revision records who saved it.
  CHECK(view->revision.author == "Mme Martin");
  CHECK(view->revision.author_id == teacher);
  CHECK(view->revision.id == saved->revision_id);
  CHECK_FALSE(f.wiki->read(f.reader(), f.en, f.title(f.en, "Chat"), true).ok());
}

TEST_CASE("saving the same text again is a null edit") {
  WikiFixture f;
  auto first = f.save(f.fr, "Chat", "Texte.\r\n");
  REQUIRE(first.ok());
  auto again = f.save(f.fr, "Chat", "Texte.", first->revision_id);
  REQUIRE(again.ok());
  CHECK(again->status == SaveStatus::null_edit);
  CHECK(again->revision_id == first->revision_id);
  // A double-clicked "create" sends the same text with no base twice.
  auto twice = f.save(f.fr, "Chat", "Texte.");
  REQUIRE(twice.ok());
  CHECK(twice->status == SaveStatus::null_edit);
  CHECK(f.wiki->history(f.console(), f.fr, f.title(f.fr, "Chat"), 50, std::nullopt)->items.size() == 1);
}

TEST_CASE("edits record parent, size and summary") {
  WikiFixture f;
  auto a = f.save(f.en, "Dog", "Dogs bark.");
  auto b = f.save(f.en, "Dog", "Dogs bark loudly.", a->revision_id, "more detail");
  REQUIRE(b.ok());
  CHECK(b->status == SaveStatus::saved);
  auto history = f.wiki->history(f.console(), f.en, f.title(f.en, "Dog"), 50, std::nullopt);
  REQUIRE(history->items.size() == 2);
  CHECK(history->items[0].id == b->revision_id);
  CHECK(history->items[0].parent_id == a->revision_id);
  CHECK(history->items[0].summary == "more detail");
  CHECK(history->items[0].size == 17);
  CHECK(history->items[0].size_delta == 7);
  CHECK(history->items[1].size_delta == 10);
}

TEST_CASE("a stale edit on other lines is merged; one on the same lines is a conflict") {
  WikiFixture f;
  auto base = f.save(f.en, "Cat", "line one\nline two\nline three\nline four\nline five");
  auto theirs = f.save(f.en, "Cat", "line ONE\nline two\nline three\nline four\nline five", base->revision_id);
  REQUIRE(theirs.ok());
  auto mine = f.save(f.en, "Cat", "line one\nline two\nline three\nline four\nline FIVE", base->revision_id);
  REQUIRE(mine.ok());
  CHECK(mine->status == SaveStatus::merged);
  CHECK(f.wiki->read(f.reader(), f.en, f.title(f.en, "Cat"), true)->markdown ==
        "line ONE\nline two\nline three\nline four\nline FIVE");

  auto clash = f.save(f.en, "Cat", "line uno\nline two\nline three\nline four\nline FIVE", base->revision_id);
  REQUIRE_FALSE(clash.ok());
  CHECK(clash.error().code == ErrorCode::conflict);
  REQUIRE(clash.error().args.size() == 1);
  CHECK(std::get<std::int64_t>(clash.error().args[0].second) == mine->revision_id);
  CHECK(f.wiki->history(f.console(), f.en, f.title(f.en, "Cat"), 50, std::nullopt)->items.size() == 3);
}

TEST_CASE("twenty pupils editing different lines from one base all keep their change") {
  WikiFixture f(false, 0, /*fast_passwords=*/true);
  // A class whose edits need no review: every save is published, merged with the others.
  const auto teacher = f.make_user("Ms Grey", Role::teacher);
  auto cls = f.wiki->classes().create_class(f.actor(teacher), "Year 5", "en", false);
  REQUIRE(cls.ok());
  auto accounts = f.wiki->classes().add_generated_pupils(f.actor(teacher), cls->id, 20);
  REQUIRE(accounts.ok());
  std::vector<Actor> actors;
  for (const auto& c : accounts.value()) actors.push_back(f.actor(c.user.id));
  std::string text = lines(30, "sentence ");
  auto base = f.save(f.en, "Class", text);
  REQUIRE(base.ok());
  std::vector<std::thread> pupils;
  std::vector<int> ok(20, 0);
  for (int i = 0; i < 20; ++i) {
    pupils.emplace_back([&, i] {
      std::string mine = text;
      std::string from = "sentence " + std::to_string(i + 1) + "\n";
      mine.replace(mine.find(from), from.size(), "pupil " + std::to_string(i + 1) + " was here\n");
      auto saved = f.save_as(actors[i], f.en, "Class", mine, base->revision_id);
      ok[i] = saved.ok() && saved->review == ReviewState::approved;
    });
  }
  for (auto& t : pupils) t.join();
  CHECK(std::count(ok.begin(), ok.end(), 1) == 20);
  auto final_text = f.wiki->read(f.reader(), f.en, f.title(f.en, "Class"), true)->markdown;
  for (int i = 1; i <= 20; ++i) {
    CHECK(final_text.find("pupil " + std::to_string(i) + " was here") != std::string::npos);
  }
  CHECK(final_text.find("sentence 30") != std::string::npos);
}

TEST_CASE("saves that the wiki refuses write nothing") {
  WikiFixture f;
  auto a = f.save(f.fr, "Chat", "Miaou.");
  auto b = f.save(f.fr, "Chien", "Wouf.");
  struct Row {
    const char* name;
    std::string title;
    std::string text;
    std::optional<std::int64_t> base;
    ErrorCode code;
  };
  std::vector<Row> rows = {
      {"create over an existing page", "Chat", "Autre texte.", std::nullopt, ErrorCode::exists},
      {"base of another page", "Chat", "Autre.", b->revision_id, ErrorCode::not_found},
      {"base that does not exist", "Chat", "Autre.", 999999, ErrorCode::not_found},
      {"base for a missing page", "Oiseau", "Cui.", a->revision_id, ErrorCode::not_found},
      {"over 2 MiB", "Gros", std::string(2 * 1024 * 1024 + 1, 'a'), std::nullopt, ErrorCode::too_large},
      {"invalid UTF-8", "Bizarre", "abc\xff\xfe", std::nullopt, ErrorCode::invalid_input},
      {"nested too deep", "Profond", std::string(40, '>') + " x", std::nullopt, ErrorCode::unprocessable},
  };
  for (const auto& row : rows) {
    CAPTURE(row.name);
    auto r = f.save(f.fr, row.title, row.text, row.base);
    REQUIRE_FALSE(r.ok());
    CHECK(r.error().code == row.code);
  }
  CHECK(f.wiki->read(f.reader(), f.fr, f.title(f.fr, "Chat"), true)->markdown == "Miaou.");
  CHECK_FALSE(f.wiki->exists(f.fr, f.title(f.fr, "Gros")));
  CHECK_FALSE(f.wiki->exists(f.fr, f.title(f.fr, "Profond")));
  CHECK(f.wiki->recent_changes(f.console(), f.fr, 50, std::nullopt)->items.size() == 2);
}

TEST_CASE("a hostile text is refused by the sandbox and the wiki stays responsive" * doctest::timeout(30)) {
  WikiFixture f;
  // One CPU second, and an input that takes cmark 0.30 several: refused on any machine.
  f.options.render_limits.cpu_seconds = 1;
  f.reopen();
  std::string bomb;
  for (int i = 0; i < 60000; ++i) bomb += "![[]()";
  auto r = f.save(f.en, "Bomb", bomb);
  REQUIRE_FALSE(r.ok());
  CHECK(r.error().code == ErrorCode::unprocessable);
  CHECK(f.save(f.en, "Fine", "Still works.").ok());
}

TEST_CASE("links to missing pages are red until the page is created") {
  WikiFixture f;
  REQUIRE(f.save(f.fr, "Chat", "Le chat chasse la [[souris]] et voit le [[Chien|chien]].").ok());
  auto before = f.wiki->read(f.reader(), f.fr, f.title(f.fr, "Chat"), true)->html;
  CHECK(before.find("href=\"/fr/wiki/Souris?action=edit&amp;redlink=1\" class=\"new\"") != std::string::npos);
  CHECK(before.find("data-wl") == std::string::npos);
  REQUIRE(f.save(f.fr, "Souris", "Une souris.").ok());
  auto after = f.wiki->read(f.reader(), f.fr, f.title(f.fr, "Chat"), true)->html;
  CHECK(after.find("href=\"/fr/wiki/Souris\"") != std::string::npos);
  CHECK(after.find("href=\"/fr/wiki/Chien?action=edit&amp;redlink=1\" class=\"new\"") != std::string::npos);
  CHECK(titles_of(f.wiki->backlinks(f.fr, f.title(f.fr, "Souris"))) == std::vector<std::string>{"Chat"});
}

TEST_CASE("categories list their members in the edition's collated order") {
  WikiFixture f;
  for (const char* t : {"Zèbre", "Éléphant", "Chat", "ours"}) {
    REQUIRE(f.save(f.fr, t, std::string("Un animal.\n\n[[Catégorie:Animaux]]\n[[en:X]]")).ok());
  }
  auto members = titles_of(f.wiki->category_members(f.fr, "Animaux"));
  CHECK(members == std::vector<std::string>{"Chat", "Éléphant", "Ours", "Zèbre"});
  CHECK(titles_of(f.wiki->all_pages(f.fr, Namespace::article)) == members);
  auto view = f.wiki->read(f.reader(), f.fr, f.title(f.fr, "Chat"), true);
  CHECK(view->categories == std::vector<std::string>{"Animaux"});
  REQUIRE(view->langlinks.size() == 1);
  CHECK(view->langlinks[0] == LangLink{"en", "X"});
}

// Link colours come from one query for all targets: each target keeps its own answer, whatever
// its namespace, however often it is linked, among thousands of others.
TEST_CASE("link colours: thousands of targets, repeated and in two namespaces") {
  WikiFixture f;
  REQUIRE(f.save(f.fr, "Lion", "Un félin.").ok());
  REQUIRE(f.save(f.fr, "Discussion:Tigre", "Parlons-en.").ok());
  std::string text = "[[Tigre]] [[Discussion:Tigre]] [[Lion#Savane|savane]]\n\n";
  for (int i = 0; i < 2000; ++i) text += "[[Page " + std::to_string(i) + "]] [[Lion]] ";
  REQUIRE(f.save(f.fr, "Liste", text).ok());
  const std::string html = f.wiki->read(f.reader(), f.fr, f.title(f.fr, "Liste"), true)->html;
  CHECK(html.find("href=\"/fr/wiki/Tigre?action=edit&amp;redlink=1\" class=\"new\"") !=
        std::string::npos);
  CHECK(html.find("href=\"/fr/wiki/Discussion:Tigre\" title") != std::string::npos);
  CHECK(html.find("href=\"/fr/wiki/Lion#Savane\"") != std::string::npos);
  std::size_t blue_lions = 0, red_pages = 0;
  for (std::size_t at = 0; (at = html.find("href=\"/fr/wiki/Lion\" title", at)) != std::string::npos; ++at) {
    ++blue_lions;
  }
  for (std::size_t at = 0; (at = html.find("redlink=1\" class=\"new\" title=\"Page ", at)) != std::string::npos; ++at) {
    ++red_pages;
  }
  CHECK(blue_lions == 2000);
  CHECK(red_pages == 2000);
}

TEST_CASE("a move keeps the history and leaves a redirect that is followed once") {
  WikiFixture f;
  auto a = f.save(f.en, "Kitten", "A young cat.");
  REQUIRE(f.save(f.en, "Talk:Kitten", "Let's talk.").ok());
  REQUIRE(f.save(f.en, "Pets", "See [[Kitten]].").ok());
  auto moved = f.wiki->move(f.console(), f.en, f.title(f.en, "Kitten"), MoveRequest{"young cat", true, "better name"});
  REQUIRE(moved.ok());
  CHECK(moved->text == "Young cat");
  auto followed = f.wiki->read(f.reader(), f.en, f.title(f.en, "Kitten"), true);
  REQUIRE(followed.ok());
  CHECK(followed->title.text == "Young cat");
  REQUIRE(followed->redirected_from.has_value());
  CHECK(followed->redirected_from->text == "Kitten");
  auto itself = f.wiki->read(f.reader(), f.en, f.title(f.en, "Kitten"), false);
  REQUIRE(itself->redirect_target.has_value());
  CHECK(itself->redirect_target->text == "Young cat");
  auto history = f.wiki->history(f.console(), f.en, f.title(f.en, "Young cat"), 50, std::nullopt);
  REQUIRE(history->items.size() == 2);
  CHECK(history->items[1].id == a->revision_id);
  CHECK(history->items[0].summary.find("better name") != std::string::npos);
  CHECK(f.wiki->exists(f.en, f.title(f.en, "Talk:Young cat")));
  CHECK(titles_of(f.wiki->backlinks(f.en, f.title(f.en, "Young cat"))) == std::vector<std::string>{"Kitten"});
  // Pets still links to Kitten, which exists (as a redirect): the link stays blue.
  CHECK(f.wiki->read(f.reader(), f.en, f.title(f.en, "Pets"), true)->html.find("class=\"new\"") == std::string::npos);

  auto onto = f.wiki->move(f.console(), f.en, f.title(f.en, "Pets"), MoveRequest{"Young cat", true, ""});
  REQUIRE_FALSE(onto.ok());
  CHECK(onto.error().code == ErrorCode::exists);
  auto same = f.wiki->move(f.console(), f.en, f.title(f.en, "Pets"), MoveRequest{"pets", true, ""});
  CHECK(same.error().code == ErrorCode::invalid_input);
  auto bad = f.wiki->move(f.console(), f.en, f.title(f.en, "Pets"), MoveRequest{"a|b", true, ""});
  CHECK(bad.error().code == ErrorCode::invalid_title);
  auto missing = f.wiki->move(f.console(), f.en, f.title(f.en, "Nothing"), MoveRequest{"Something", true, ""});
  CHECK(missing.error().code == ErrorCode::not_found);
}

TEST_CASE("a move without a redirect frees the old title") {
  WikiFixture f;
  REQUIRE(f.save(f.en, "Old", "Text.").ok());
  REQUIRE(f.wiki->move(f.console(), f.en, f.title(f.en, "Old"), MoveRequest{"New", false, ""}).ok());
  CHECK_FALSE(f.wiki->exists(f.en, f.title(f.en, "Old")));
  CHECK(f.wiki->exists(f.en, f.title(f.en, "New")));
}

TEST_CASE("a revert restores an old text as a new revision of the same page") {
  WikiFixture f;
  auto one = f.save(f.en, "Sun", "The Sun is a star.");
  auto two = f.save(f.en, "Sun", "The Sun is made of cheese.", one->revision_id);
  auto other = f.save(f.en, "Moon", "The Moon.");
  auto back = f.wiki->revert(f.console(), f.en, f.title(f.en, "Sun"), one->revision_id, "");
  REQUIRE(back.ok());
  CHECK(back->revision_id > two->revision_id);
  auto view = f.wiki->read(f.reader(), f.en, f.title(f.en, "Sun"), true);
  CHECK(view->markdown == "The Sun is a star.");
  CHECK(view->revision.summary.find(std::to_string(one->revision_id)) != std::string::npos);
  auto wrong = f.wiki->revert(f.console(), f.en, f.title(f.en, "Sun"), other->revision_id, "");
  REQUIRE_FALSE(wrong.ok());
  CHECK(wrong.error().code == ErrorCode::wrong_page);
  auto unknown = f.wiki->revert(f.console(), f.en, f.title(f.en, "Sun"), 424242, "");
  CHECK(unknown.error().code == ErrorCode::not_found);
}

TEST_CASE("old revisions, diffs and recent changes") {
  WikiFixture f;
  auto one = f.save(f.en, "Sun", "The Sun is a star.\nIt is hot.");
  auto two = f.save(f.en, "Sun", "The Sun is a big star.\nIt is hot.", one->revision_id);
  REQUIRE(f.save(f.en, "Moon", "The Moon.").ok());
  auto old = f.wiki->read_revision(f.reader(), f.en, one->revision_id);
  REQUIRE(old.ok());
  CHECK(old->markdown == "The Sun is a star.\nIt is hot.");
  CHECK_FALSE(f.wiki->read_revision(f.reader(), f.fr, one->revision_id).ok());
  auto d = f.wiki->diff(f.reader(), f.en, one->revision_id, two->revision_id);
  REQUIRE(d.ok());
  CHECK(d->lines_added == 1);
  CHECK(d->lines_removed == 1);
  auto recent = f.wiki->recent_changes(f.console(), f.en, 2, std::nullopt);
  REQUIRE(recent->items.size() == 2);
  CHECK(recent->items[0].title.text == "Moon");
  REQUIRE(recent->next_before.has_value());
  auto rest = f.wiki->recent_changes(f.console(), f.en, 2, recent->next_before);
  REQUIRE(rest->items.size() == 1);
  CHECK(rest->items[0].id == one->revision_id);
  CHECK_FALSE(rest->next_before.has_value());
}

TEST_CASE("the search feed queues every change readers see") {
  WikiFixture f;
  REQUIRE(f.save(f.fr, "Cheval", "Le cheval galope.\n\n[[Catégorie:Animaux]]").ok());
  auto queued = f.wiki->outbox_peek(100);
  REQUIRE_FALSE(queued.empty());
  CHECK(queued.back().lang == "fr");
  auto page = f.wiki->indexable_page(queued.back().page_id);
  REQUIRE(page.has_value());
  CHECK(page->full_title == "Cheval");
  CHECK(page->plain_text.find("Le cheval galope.") != std::string::npos);
  CHECK(page->categories == std::vector<std::string>{"Animaux"});
  f.wiki->outbox_ack(queued.back().id);
  CHECK(f.wiki->outbox_peek(100).empty());

  REQUIRE(f.wiki->move(f.console(), f.fr, f.title(f.fr, "Cheval"), MoveRequest{"Chevaux", true, ""}).ok());
  auto after = f.wiki->outbox_peek(100);
  REQUIRE_FALSE(after.empty());
  bool saw_target = false, saw_redirect = false;
  for (const auto& e : after) {
    auto p = f.wiki->indexable_page(e.page_id);
    if (p && p->full_title == "Chevaux") {
      saw_target = true;
      CHECK(p->redirect_titles == std::vector<std::string>{"Cheval"});
    }
    if (!p) saw_redirect = true;  // the redirect itself is not indexed
  }
  CHECK(saw_target);
  CHECK(saw_redirect);
  CHECK(f.wiki->page_ids(f.fr).size() == 2);
}

TEST_CASE("a full disk fails the save cleanly and writes nothing") {
  WikiFixture f(/*seed_demo=*/false, /*max_pages=*/60);
  REQUIRE(f.save(f.en, "Small", "Fits.").ok());
  std::string big;
  for (int i = 0; i < 4000; ++i) big += "Line number " + std::to_string(i) + " of a long article.\n";
  auto r = f.save(f.en, "Big", big);
  REQUIRE_FALSE(r.ok());
  CHECK(r.error().code == ErrorCode::storage);
  CHECK_FALSE(f.wiki->exists(f.en, f.title(f.en, "Big")));
  CHECK(f.wiki->read(f.reader(), f.en, f.title(f.en, "Small"), true)->markdown == "Fits.");
  CHECK(f.save(f.en, "Small", "Still fits.", f.wiki->read(f.reader(), f.en, f.title(f.en, "Small"), true)->revision.id).ok());
}

TEST_CASE("an empty data directory gets the demo wiki in French and English") {
  WikiFixture f(/*seed_demo=*/true);
  for (const char* t : {"Éléphant", "Cheval", "Accueil"}) CHECK(f.wiki->exists(f.fr, f.title(f.fr, t)));
  for (const char* t : {"Elephant", "Horse", "Main Page"}) CHECK(f.wiki->exists(f.en, f.title(f.en, t)));
  CHECK(f.wiki->all_pages(f.fr, Namespace::article).size() >= 8);
  CHECK(f.wiki->all_pages(f.en, Namespace::article).size() >= 8);
  CHECK(f.fr.main_page == "Accueil");
  CHECK(f.en.main_page == "Main Page");
  auto elephant = f.wiki->read(f.reader(), f.fr, f.title(f.fr, "Éléphant"), true);
  REQUIRE(elephant.ok());
  CHECK_FALSE(elephant->categories.empty());
  bool links_en = false;
  for (const auto& l : elephant->langlinks) links_en |= l.lang == "en" && l.title == "Elephant";
  CHECK(links_en);
  CHECK_FALSE(f.wiki->category_members(f.fr, "Animaux").empty());
}

// A save writes only the link rows that changed (store/page_writer.cpp): after each edit of this
// table, what links here, the category members and the lang_link rows say what the text says
// (the first link to a language wins).
TEST_CASE("link tables follow each edit: links, categories and language links added, kept, removed") {
  WikiFixture f;
  struct Step {
    const char* text;
    std::vector<std::string> linked;  // which of Alpha, Bêta, Gamma the page links to
    std::vector<std::string> categories;
    std::vector<std::string> langlinks;  // "lang:title"
  };
  const Step steps[] = {
      {"[[Alpha]] [[Bêta]]\n\n[[Catégorie:Essais X]]\n\n[[en:Trial]]", {"Alpha", "Bêta"}, {"Essais X"}, {"en:Trial"}},
      {"[[Bêta]] [[Gamma]] [[Bêta]]\n\n[[Catégorie:Essais Y]]\n\n[[en:Test]]", {"Bêta", "Gamma"}, {"Essais Y"}, {"en:Test"}},
      {"[[Bêta]] [[Gamma]] encore\n\n[[Catégorie:Essais Y]]\n\n[[en:Test]]", {"Bêta", "Gamma"}, {"Essais Y"}, {"en:Test"}},
      {"[[Alpha]]\n\n[[en:Trial]]\n\n[[en:Other]]", {"Alpha"}, {}, {"en:Trial"}},
      {"Plus rien.", {}, {}, {}},
  };
  std::optional<std::int64_t> base;
  for (const Step& step : steps) {
    CAPTURE(step.text);
    auto saved = f.save(f.fr, "Essai", step.text, base);
    REQUIRE(saved.ok());
    base = saved->revision_id;
    for (const char* target : {"Alpha", "Bêta", "Gamma"}) {
      CAPTURE(target);
      const bool links = std::find(step.linked.begin(), step.linked.end(), target) != step.linked.end();
      const auto from = titles_of(f.wiki->backlinks(f.fr, f.title(f.fr, target)));
      CHECK((from == std::vector<std::string>{"Essai"}) == links);
      CHECK(from.size() == (links ? 1u : 0u));
    }
    for (const char* category : {"Essais X", "Essais Y"}) {
      CAPTURE(category);
      const bool in = std::find(step.categories.begin(), step.categories.end(), category) != step.categories.end();
      CHECK(f.wiki->category_members(f.fr, category).size() == (in ? 1u : 0u));
    }
    // The lang_link table (the view's language links come from the revision itself).
    db::Connection c(f.dir / "kidwiki.sqlite3", db::Connection::Mode::read_only);
    auto rows = c.prepare("SELECT l.lang || ':' || l.title FROM lang_link l JOIN page p ON p.id = l.page_id"
                          " WHERE p.title = 'Essai' ORDER BY 1");
    std::vector<std::string> langlinks;
    while (rows.step()) langlinks.push_back(rows.text(0));
    CHECK(langlinks == step.langlinks);
  }
}

// Editions as data (Wiki::create_edition): an admin adds a language while the wiki runs; its
// names come from the language's catalog, its direction from ICU, and it works at once.
#include <doctest/doctest.h>

#include <chrono>
#include <thread>

#include "wiki_fixture.h"

using namespace kidwiki::engine;
using kidwiki::testing::WikiFixture;

TEST_CASE("an edition created by an admin works at once, named from its language's catalog") {
  WikiFixture f(false, 0, /*fast_passwords=*/true);
  const auto admin = f.make_user("Admin", Role::admin);
  auto created = f.wiki->create_edition(f.actor(admin), NewEdition{.lang = "es"});
  REQUIRE(created.ok());
  const Edition* es = &created.value();
  CHECK(es->lang == "es");
  CHECK(es->dir == "ltr");
  CHECK(es->name == "Kidwiki en español");
  CHECK(es->main_page == "Portada");
  CHECK(es->names.talk == "Discusión");
  CHECK(es->names.category == "Categoría");
  CHECK(es->names.file == "Archivo");
  CHECK(f.wiki->edition("es").has_value());
  CHECK(f.wiki->editions().size() == 3);

  // Its main page exists, written by the admin, and only moderators may change it.
  const Title portada = f.title(*es, "Portada");
  auto page = f.wiki->read(f.reader(), *es, portada, false);
  REQUIRE(page.ok());
  CHECK(page->markdown.find("Kidwiki en español") != std::string::npos);
  CHECK(page->revision.author == "Admin");
  CHECK(f.wiki->moderation().protection(*es, portada) == Protection::moderators);

  // Pages, categories, classes and links between languages work in it.
  auto gato = f.save(*es, "Gato", "El **gato** es un felino.\n\n[[Categoría:Animales]]\n");
  REQUIRE(gato.ok());
  auto view = f.wiki->read(f.reader(), *es, f.title(*es, "Gato"), false);
  REQUIRE(view.ok());
  CHECK(view->categories == std::vector<std::string>{"Animales"});
  auto school_class = f.wiki->classes().create_class(f.actor(admin), "Clase 4B", "es", true);
  CHECK(school_class.ok());
  const auto context = f.wiki->render_context(f.fr);
  CHECK(std::find(context.languages.begin(), context.languages.end(), "es") !=
        context.languages.end());

  // Kept across a restart.
  f.reopen();
  CHECK(f.wiki->edition("es")->name == "Kidwiki en español");
}

TEST_CASE("a right-to-left language gets a right-to-left edition; names may be given") {
  WikiFixture f;
  auto ar = f.wiki->create_edition(f.console(), NewEdition{.lang = "ar"});
  REQUIRE(ar.ok());
  CHECK(ar->dir == "rtl");
  CHECK(ar->names.category == "تصنيف");
  auto he = f.wiki->create_edition(f.console(), NewEdition{.lang = "he"});
  REQUIRE(he.ok());
  CHECK(he->dir == "rtl");
  // No catalog in Basque: its own name from ICU, the canonical English namespace names.
  auto eu = f.wiki->create_edition(f.console(), NewEdition{.lang = "eu"});
  REQUIRE(eu.ok());
  CHECK(eu->name == "Kidwiki – euskara");
  CHECK(eu->names.category == "Category");
  auto oc_created = f.wiki->create_edition(
      f.console(), NewEdition{.lang = "oc", .name = "Vikidia en occitan", .main_page = "Acuèlh",
                              .talk_name = "Discussion", .category_name = "Categoria",
                              .file_name = "Fichièr"});
  REQUIRE(oc_created.ok());
  const Edition* oc = &oc_created.value();
  CHECK(oc->name == "Vikidia en occitan");
  CHECK(oc->main_page == "Acuèlh");
  CHECK(oc->names.file == "Fichièr");
  CHECK(f.wiki->read(f.reader(), *oc, f.title(*oc, "Acuèlh"), false).ok());
}

TEST_CASE("creating an edition: bad codes, duplicates, bad names and the wrong people refused") {
  WikiFixture f(false, 0, /*fast_passwords=*/true);
  const auto moderator = f.make_user("Modo", Role::moderator);
  struct Row {
    const char* name;
    NewEdition request;
    ErrorCode code;
    const char* message_id;
  };
  const Row rows[] = {
      {"not BCP 47", {.lang = "en_US"}, ErrorCode::invalid_input, "edition-error-lang"},
      {"no such language", {.lang = "xx"}, ErrorCode::invalid_input, "edition-error-lang"},
      {"empty", {.lang = ""}, ErrorCode::invalid_input, "edition-error-lang"},
      {"markup", {.lang = "es<script>"}, ErrorCode::invalid_input, "edition-error-lang"},
      {"exists", {.lang = "fr"}, ErrorCode::exists, "edition-error-exists"},
      {"exists, other case", {.lang = "FR"}, ErrorCode::exists, "edition-error-exists"},
      {"name too long", {.lang = "it", .name = std::string(101, 'a')}, ErrorCode::invalid_input,
       "edition-error-name"},
      {"same namespace twice", {.lang = "it", .talk_name = "Categoria"}, ErrorCode::invalid_input,
       "edition-error-namespaces"},
      {"namespace with a colon", {.lang = "it", .file_name = "File:X"}, ErrorCode::invalid_input,
       "edition-error-namespaces"},
      {"main page in a namespace", {.lang = "it", .main_page = "Categoria:Casa"},
       ErrorCode::invalid_title, "edition-error-main-page"},
  };
  for (const Row& row : rows) {
    CAPTURE(std::string(row.name));
    auto refused = f.wiki->create_edition(f.console(), row.request);
    REQUIRE_FALSE(refused.ok());
    CHECK(refused.error().code == row.code);
    CHECK(refused.error().message_id == row.message_id);
  }
  CHECK(f.wiki->create_edition(f.actor(moderator), NewEdition{.lang = "it"}).error().code ==
        ErrorCode::forbidden);
  CHECK(f.wiki->create_edition(f.reader(), NewEdition{.lang = "it"}).error().code ==
        ErrorCode::not_logged_in);
  CHECK(f.wiki->editions().size() == 2);  // nothing was written
  auto log = f.wiki->moderation().audit_log(f.console(), AuditQuery{});
  REQUIRE(log.ok());
  for (const auto& entry : log.value()) CHECK(entry.action != "create-edition");
  REQUIRE(f.wiki->create_edition(f.console(), NewEdition{.lang = "it"}).ok());
  log = f.wiki->moderation().audit_log(f.console(), AuditQuery{});
  REQUIRE(log.ok());
  CHECK(log->front().action == "create-edition");
  CHECK(log->front().target_label == "it");
}

TEST_CASE("an edition created by another process (the command line) appears in a running wiki") {
  WikiFixture f;
  CHECK_FALSE(f.wiki->edition("de").has_value());
  {
    auto other = Wiki::open(f.options);
    REQUIRE(other.ok());
    REQUIRE(other.value()->create_edition(Actor::console(), NewEdition{.lang = "de"}).ok());
  }
  // Looked for again at most once a second: wait for the next look, however long it takes.
  std::optional<Edition> de;
  for (int i = 0; i < 100 && !de; ++i) {
    de = f.wiki->edition("de");
    if (!de) std::this_thread::sleep_for(std::chrono::milliseconds(50));
  }
  REQUIRE(de.has_value());
  CHECK(de->main_page == "Hauptseite");
  CHECK(f.save(*de, "Katze", "Die Katze miaut.").ok());
}

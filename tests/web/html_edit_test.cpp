// The edit flow through the HTML forms: create, edit, preview, conflicts and refusals. Whatever
// happens, the user's text comes back in the editable textarea.
#include <doctest/doctest.h>

#include "engine/render.h"
#include "html_test_util.h"
#include "test_server.h"

using namespace kidwiki::web::testing;

namespace {

std::string base_of(const std::string& body) {
  return between(body, "name=\"wpBaseRevId\" value=\"", "\"");
}

FormFields edit_fields(const std::string& text, const std::string& base, const std::string& button) {
  return {{"action", "submit"}, {"wpTextbox", text}, {"wpSummary", "test"},
          {"wpBaseRevId", base}, {button, "1"}};
}

}  // namespace

TEST_CASE("a page is created, then edited, through the forms") {
  TestServer srv;
  auto form = srv.client().Get("/fr/wiki/Girafon?action=edit");
  REQUIRE(form);
  CHECK(form->status == 200);
  CHECK(has(form->body, heading_html("fr", "web-edit-heading-create", "title", "Girafon")));
  CHECK(has(form->body, "enctype=\"multipart/form-data\""));
  CHECK(base_of(form->body).empty());
  auto created = post_form(srv.client(), "/fr/wiki/Girafon",
                           edit_fields("La **girafon** a un long cou.", "", "wpSave"));
  REQUIRE(created);
  CHECK(created->status == 303);
  CHECK(created->get_header_value("Location") == "/fr/wiki/Girafon");
  auto page = srv.client().Get("/fr/wiki/Girafon");
  REQUIRE(page);
  CHECK(has(page->body, "<strong>girafon</strong>"));

  form = srv.client().Get("/fr/wiki/Girafon?action=edit");
  REQUIRE(form);
  CHECK(textbox_of(form->body) == "La **girafon** a un long cou.");
  const std::string base = base_of(form->body);
  CHECK_FALSE(base.empty());
  auto edited = post_form(srv.client(), "/fr/wiki/Girafon",
                          edit_fields("La **girafon** a un très long cou.", base, "wpSave"));
  REQUIRE(edited);
  CHECK(edited->status == 303);
  page = srv.client().Get("/fr/wiki/Girafon");
  REQUIRE(page);
  CHECK(has(page->body, "très long cou"));
}

TEST_CASE("a long text is accepted through the multipart form") {
  TestServer srv;
  std::string text;
  for (int i = 0; i < 2000; ++i) text += "Ligne numéro " + std::to_string(i) + " du texte.\n";
  auto saved = post_form(srv.client(), "/fr/wiki/Long", edit_fields(text, "", "wpSave"));
  REQUIRE(saved);
  CHECK(saved->status == 303);
  auto page = srv.client().Get("/fr/wiki/Long");
  REQUIRE(page);
  CHECK(has(page->body, "Ligne numéro 1999 du texte."));
}

TEST_CASE("a preview shows the rendered text and keeps the user's text") {
  TestServer srv;
  const std::string text = "Un **essai** avec un lien vers [[Nulle part]] & des <guillemets>.";
  auto res = post_form(srv.client(), "/en/wiki/Sandbox", edit_fields(text, "", "wpPreview"));
  REQUIRE(res);
  CHECK(res->status == 200);
  CHECK(has(res->body, page_msg("en", "web-preview-heading")));
  CHECK(has(res->body, "<strong>essai</strong>"));
  CHECK(has(res->body, "class=\"new\""));
  CHECK(textbox_of(res->body) == html_escaped(text));
  CHECK(has(res->body, "name=\"wpSummary\" value=\"test\""));
  CHECK_FALSE(srv.wiki().exists(*srv.wiki().edition("en"),
                                srv.wiki().parse_title(*srv.wiki().edition("en"), "Sandbox").value()));
}

TEST_CASE("an edit conflict shows both texts and keeps the user's text editable") {
  TestServer srv;
  const auto base = srv.save("fr", "Lionceau", "Le lion.\nIl rugit.\nFin.\n");
  srv.save("fr", "Lionceau", "Le lion.\nIl rugit très fort.\nFin.\n", base);
  const std::string mine = "Le lion.\nIl rugit doucement.\nFin.\n";
  auto res = post_form(srv.client(), "/fr/wiki/Lionceau",
                       edit_fields(mine, std::to_string(base), "wpSave"));
  REQUIRE(res);
  CHECK(res->status == 409);
  CHECK(has(res->body, page_msg("fr", "web-conflict-explanation")));
  CHECK(textbox_of(res->body) == mine);
  const std::string current = between(res->body, "id=\"wpCurrentText\"", "</textarea>");
  CHECK(has(current, "Il rugit très fort."));
  CHECK_FALSE(has(current, "name="));
  CHECK(has(res->body, "<table class=\"diff\">"));
  CHECK(has(res->body, "<ins>doucement"));
  const std::string new_base = base_of(res->body);
  CHECK(new_base != std::to_string(base));
  auto again = post_form(srv.client(), "/fr/wiki/Lionceau", edit_fields(mine, new_base, "wpSave"));
  REQUIRE(again);
  CHECK(again->status == 303);
  auto page = srv.client().Get("/fr/wiki/Lionceau");
  REQUIRE(page);
  CHECK(has(page->body, "Il rugit doucement."));
}

TEST_CASE("creating a page someone else just created shows the conflict screen") {
  TestServer srv;
  srv.save("en", "Otter", "Otters swim.\n");
  auto res = post_form(srv.client(), "/en/wiki/Otter", edit_fields("Otters play.\n", "", "wpSave"));
  REQUIRE(res);
  CHECK(res->status == 409);
  CHECK(textbox_of(res->body) == "Otters play.\n");
  CHECK(has(between(res->body, "id=\"wpCurrentText\"", "</textarea>"), "Otters swim."));
  CHECK_FALSE(base_of(res->body).empty());
}

TEST_CASE("refused texts come back in the form with their status and message") {
  TestServer srv;
  const std::string too_large(srv.wiki().options().max_markdown_bytes + 1, 'a');
  const std::string too_deep = std::string(kidwiki::engine::kMaxNesting + 8, '>') + " profond";
  struct Row {
    std::string name, text, button;
    int status;
  };
  const std::vector<Row> rows = {
      {"too large, saved", too_large, "wpSave", 413},
      {"too large, previewed", too_large, "wpPreview", 413},
      {"nested too deep, saved", too_deep, "wpSave", 422},
      {"nested too deep, previewed", too_deep, "wpPreview", 422},
  };
  for (const auto& row : rows) {
    CAPTURE(row.name);
    auto res = post_form(srv.client(), "/fr/wiki/Refus", edit_fields(row.text, "", row.button));
    REQUIRE(res);
    CHECK(res->status == row.status);
    CHECK(has(res->body, "class=\"message error\""));
    CHECK(textbox_of(res->body) == html_escaped(row.text));
  }
}

TEST_CASE("a damaged base revision keeps the text and says so") {
  TestServer srv;
  auto res = post_form(srv.client(), "/fr/wiki/Base", edit_fields("Mon texte.", "abc", "wpSave"));
  REQUIRE(res);
  CHECK(res->status == 400);
  CHECK(has(res->body, page_msg("fr", "web-error-bad-base")));
  CHECK(textbox_of(res->body) == "Mon texte.");
}

TEST_CASE("an unknown form action answers 400") {
  TestServer srv;
  auto res = post_form(srv.client(), "/fr/wiki/Chat", {{"action", "explode"}});
  REQUIRE(res);
  CHECK(res->status == 400);
  CHECK(has(res->body, page_msg("fr", "web-error-unknown-action")));
}

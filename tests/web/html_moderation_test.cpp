// The safety tools' HTML pages: they render for the right roles only, escape what users wrote,
// carry the CSRF token in every form, and work without JavaScript (plain forms, 303 after POST).
#include <doctest/doctest.h>

#include <memory>
#include <string>
#include <vector>

#include "html_test_util.h"
#include "test_server.h"

using namespace kidwiki::web::testing;
namespace engine = kidwiki::engine;

namespace {

constexpr const char* kNasty = "<script>alert(1)</script> & \"quotes\"";

struct HtmlModServer {
  TestServer server;
  TestLogin pupil = server.login_as("Léa", engine::Role::pupil);
  TestLogin moderator = server.login_as("Modo", engine::Role::moderator);
  std::unique_ptr<httplib::Client> as_pupil = server.client_for(pupil);
  std::unique_ptr<httplib::Client> as_moderator = server.client_for(moderator);
  std::int64_t first = server.save("fr", "Chat", "Le chat dort.\n");

  std::string body(httplib::Client& c, const std::string& path, int status = 200) {
    auto res = c.Get(path.c_str());
    REQUIRE(res);
    CAPTURE(path);
    CHECK(res->status == status);
    return res->body;
  }
  // Posts a form as the moderator, with the session's token as every form sends it.
  httplib::Result moderator_post(const std::string& path, FormFields fields) {
    fields.push_back({"wpCsrf", moderator.csrf_token});
    return post_form(*as_moderator, path, fields);
  }
  engine::Edition fr() { return *server.wiki().edition("fr"); }
};

engine::SaveRequest save_request(std::string text, std::string summary, std::int64_t base) {
  engine::SaveRequest r;
  r.markdown = std::move(text);
  r.summary = std::move(summary);
  r.base_revision_id = base;
  return r;
}

void check_303_to(const httplib::Result& res, const std::string& location_start) {
  REQUIRE(res);
  CHECK(res->status == 303);
  CHECK(res->get_header_value("Location").starts_with(location_start));
}

}  // namespace

TEST_CASE("every article links to its report form; moderators also see their tools") {
  HtmlModServer s;
  auto reader = s.body(s.server.anonymous(), "/fr/wiki/Chat");
  CHECK(has(reader, "href=\"/fr/special/report/Chat\""));
  CHECK(has(reader, page_msg("fr", "moderation-report-link")));
  CHECK_FALSE(has(reader, "/fr/special/protect/Chat"));
  auto moderator = s.body(*s.as_moderator, "/fr/wiki/Chat");
  CHECK(has(moderator, "/fr/special/protect/Chat"));
  CHECK(has(moderator, "/fr/special/delete/Chat"));
  CHECK(has(moderator, "/fr/special/reports"));
  CHECK_FALSE(has(moderator, "/fr/special/filters"));  // admins only
}

TEST_CASE("a reader reports a page with a plain form, and a moderator resolves it") {
  HtmlModServer s;
  auto form = s.body(s.server.anonymous(), "/fr/special/report/Chat");
  CHECK(
      has(form, "<form class=\"report-form\" method=\"post\" action=\"/fr/special/report/Chat\""));
  CHECK(has(form, "name=\"wpReason\""));
  CHECK(has(form, "name=\"wpCsrf\""));
  auto sent = post_form(s.server.anonymous(), "/fr/special/report/Chat", {{"wpReason", kNasty}});
  check_303_to(sent, "/fr/special/report/Chat?done=1");
  auto thanks = s.body(s.server.anonymous(), "/fr/special/report/Chat?done=1");
  CHECK(has(thanks, page_msg("fr", "moderation-report-thanks")));

  auto empty = post_form(s.server.anonymous(), "/fr/special/report/Chat", {{"wpReason", " "}});
  REQUIRE(empty);
  CHECK(empty->status == 400);
  CHECK(has(empty->body, page_msg("fr", "moderation-error-reason-missing")));

  auto queue = s.body(*s.as_moderator, "/fr/special/reports");
  CHECK(has(queue, html_escaped(kNasty)));
  CHECK_FALSE(has(queue, kNasty));
  CHECK(has(queue, page_msg("fr", "moderation-reporter-reader")));
  CHECK(has(queue, "name=\"wpCsrf\" value=\"" + s.moderator.csrf_token + "\""));
  auto id = s.server.wiki().moderation().open_reports(TestServer::console(), 10)->at(0).id;
  auto resolved =
      s.moderator_post("/fr/special/reports", {{"wpReport", std::to_string(id)}, {"wpNote", "vu"}});
  check_303_to(resolved, "/fr/special/reports?done=1");
  CHECK(s.server.wiki().moderation().open_reports(TestServer::console(), 10)->empty());
  CHECK(has(s.body(*s.as_moderator, "/fr/special/reports"),
            page_msg("fr", "moderation-reports-empty")));
}

TEST_CASE("moderation pages send readers to log in and refuse pupils") {
  HtmlModServer s;
  for (const std::string& path : std::vector<std::string>{
           "/fr/special/reports", "/fr/special/blocks", "/fr/special/protect/Chat",
           "/fr/special/delete/Chat", "/fr/special/restore", "/fr/special/audit",
           "/fr/special/filters", "/fr/special/hide/" + std::to_string(s.first)}) {
    CAPTURE(path);
    auto reader = s.server.anonymous().Get(path.c_str());
    REQUIRE(reader);
    CHECK(reader->status == 303);
    CHECK(reader->get_header_value("Location").starts_with("/fr/special/login?returnto="));
    CHECK(s.as_pupil->Get(path.c_str())->status == 403);
  }
  CHECK(s.as_moderator->Get("/fr/special/filters")->status == 403);
  CHECK(s.server.client().Get("/fr/special/filters")->status == 200);
}

TEST_CASE("a form posted without its CSRF token changes nothing") {
  HtmlModServer s;
  auto res = post_form(*s.as_moderator, "/fr/special/delete/Chat", {{"wpReason", "x"}});
  // The moderator's client sends X-CSRF-Token; a form from another site would not.
  httplib::Client bare("127.0.0.1", s.server.port());
  bare.set_default_headers({{"Cookie", "kidwiki_session=" + s.moderator.token}});
  auto forged = post_form(bare, "/fr/special/delete/Chat", {{"wpReason", "x"}});
  REQUIRE(forged);
  CHECK(forged->status == 403);
  CHECK(res->status == 303);  // with the token it went through
  const auto deleted = s.server.wiki().moderation().deleted_pages(TestServer::console(), s.fr());
  REQUIRE(deleted.ok());
  CHECK(deleted.value() ==
        std::vector<engine::Title>{engine::Title{engine::Namespace::article, "Chat"}});
}

TEST_CASE("the blocks page blocks and lifts, and shows names and reasons escaped") {
  HtmlModServer s;
  auto page = s.body(*s.as_moderator, "/fr/special/blocks");
  CHECK(has(page, "<form class=\"block-form\" method=\"post\""));
  auto blocked = s.moderator_post(
      "/fr/special/blocks",
      {{"wpAction", "block"}, {"wpUser", "Léa"}, {"wpHours", "24"}, {"wpReason", kNasty}});
  check_303_to(blocked, "/fr/special/blocks?done=1");
  page = s.body(*s.as_moderator, "/fr/special/blocks");
  CHECK(has(page, html_escaped(kNasty)));
  CHECK_FALSE(has(page, kNasty));
  CHECK(s.server.wiki().moderation().active_block(TestServer::console(), s.pupil.user.id));

  auto unknown = s.moderator_post(
      "/fr/special/blocks", {{"wpAction", "block"}, {"wpUser", "Personne"}, {"wpReason", "x"}});
  REQUIRE(unknown);
  CHECK(unknown->status == 404);
  CHECK(has(unknown->body, "value=\"Personne\""));

  check_303_to(s.moderator_post("/fr/special/blocks", {{"wpAction", "unblock"}, {"wpUser", "Léa"}}),
               "/fr/special/blocks?done=1");
  CHECK_FALSE(s.server.wiki().moderation().active_block(TestServer::console(), s.pupil.user.id));
}

TEST_CASE("protect, delete and restore through their forms") {
  HtmlModServer s;
  const engine::Title chat{engine::Namespace::article, "Chat"};
  auto form = s.body(*s.as_moderator, "/fr/special/protect/Chat");
  CHECK(has(form, "value=\"moderators\""));
  check_303_to(s.moderator_post("/fr/special/protect/Chat",
                                {{"wpLevel", "moderators"}, {"wpReason", "vandalisme"}}),
               "/fr/special/protect/Chat?done=1");
  CHECK(s.server.wiki().moderation().protection(s.fr(), chat) == engine::Protection::moderators);
  auto bad = s.moderator_post("/fr/special/protect/Chat", {{"wpLevel", "all"}, {"wpReason", "x"}});
  CHECK(bad->status == 400);

  check_303_to(s.moderator_post("/fr/special/delete/Chat", {{"wpReason", "copie"}}),
               "/fr/special/restore?done=1");
  CHECK(s.server.anonymous().Get("/fr/wiki/Chat")->status == 404);
  auto deleted = s.body(*s.as_moderator, "/fr/special/restore");
  CHECK(has(deleted, "name=\"wpTitle\" value=\"Chat\""));
  check_303_to(s.moderator_post("/fr/special/restore", {{"wpTitle", "Chat"}, {"wpReason", ""}}),
               "/fr/wiki/Chat");
  CHECK(s.server.anonymous().Get("/fr/wiki/Chat")->status == 200);
}

TEST_CASE("a hidden revision: marked in history, its summary and text kept from readers") {
  HtmlModServer s;
  const engine::Title chat{engine::Namespace::article, "Chat"};
  auto second = s.server.wiki().save(
      s.server.actor(s.server.editor().user.id), s.fr(), chat,
      save_request("Le chat de Léa Dupont, CM2 B.\n", "adresse secrète", s.first));
  REQUIRE(second.ok());
  const std::string id = std::to_string(second->revision_id);
  auto history = s.body(*s.as_moderator, "/fr/wiki/Chat?action=history");
  CHECK(has(history, "/fr/special/hide/" + id));
  check_303_to(
      s.moderator_post("/fr/special/hide/" + id, {{"wpHidden", "1"}, {"wpReason", "adresse"}}),
      "/fr/special/hide/" + id + "?done=1");

  auto reader_history = s.body(s.server.anonymous(), "/fr/wiki/Chat?action=history");
  CHECK(has(reader_history, page_msg("fr", "moderation-history-hidden")));
  CHECK_FALSE(has(reader_history, "adresse secrète"));
  CHECK_FALSE(has(reader_history, "/fr/special/hide/"));
  auto old = s.server.anonymous().Get(("/fr/wiki/Chat?oldid=" + id).c_str());
  CHECK(old->status == 403);
  CHECK_FALSE(has(old->body, "Léa Dupont"));
  CHECK_FALSE(has(s.body(s.server.anonymous(), "/fr/wiki/Chat"), "Léa Dupont"));
  auto diff = s.server.anonymous().Get(
      ("/fr/wiki/Chat?diff=" + id + "&oldid=" + std::to_string(s.first)).c_str());
  CHECK(diff->status == 403);
  CHECK_FALSE(has(diff->body, "Léa Dupont"));
  CHECK(has(s.body(*s.as_moderator, "/fr/wiki/Chat?oldid=" + id), "Léa Dupont"));
  CHECK(has(s.body(*s.as_moderator, "/fr/wiki/Chat?action=history"), "adresse secrète"));
}

TEST_CASE("the audit log page lists actions with their reasons escaped") {
  HtmlModServer s;
  REQUIRE(s.server.wiki()
              .moderation()
              .protect(s.server.actor(s.moderator.user.id), s.fr(),
                       engine::Title{engine::Namespace::article, "Chat"},
                       engine::Protection::trusted, kNasty)
              .ok());
  auto page = s.body(*s.as_moderator, "/fr/special/audit");
  CHECK(has(page, page_msg("fr", "moderation-audit-action-protect")));
  CHECK(has(page, "Modo"));
  CHECK(has(page, "fr:Chat"));
  CHECK(has(page, html_escaped(kNasty)));
  CHECK_FALSE(has(page, kNasty));
  auto teacher = s.server.login_as("Mme Martin", engine::Role::teacher);
  auto as_teacher = s.server.client_for(teacher);
  auto teacher_page = s.body(*as_teacher, "/fr/special/audit");
  CHECK(has(teacher_page, page_msg("fr", "moderation-audit-no-class")));
}

TEST_CASE("an admin edits the word list in a text box") {
  HtmlModServer s;
  auto page = s.body(s.server.client(), "/fr/special/filters");
  CHECK(has(page, "connard"));
  CHECK(has(page, "name=\"wpText\""));
  auto saved = post_form(
      s.server.client(), "/fr/special/filters",
      {{"wpText", "brocoli refuse\n<b>chou</b> hold\n"}, {"wpCsrf", s.server.editor().csrf_token}});
  check_303_to(saved, "/fr/special/filters?done=1");
  page = s.body(s.server.client(), "/fr/special/filters?done=1");
  CHECK(has(page, page_msg("fr", "moderation-filters-done")));
  CHECK(has(page, "&lt;b&gt;chou&lt;/b&gt; hold"));
  CHECK(s.server.wiki().moderation().filter_list(TestServer::console(), s.fr()).value() ==
        "brocoli refuse\n<b>chou</b> hold\n");
}

// History, old revisions, diffs, reverts and moves through the HTML interface.
#include <doctest/doctest.h>

#include "html_test_util.h"
#include "test_server.h"

using namespace kidwiki::web::testing;

namespace {

struct ThreeVersions {
  std::int64_t first, second, third;
};

ThreeVersions seed_tiger(TestServer& srv) {
  ThreeVersions v{};
  v.first = srv.save("fr", "Tigre", "Le tigre est rayé.\nIl vit en Asie.\n");
  v.second = srv.save("fr", "Tigre", "Le tigre est rayé.\nIl vit en Asie du Sud.\n", v.first);
  v.third = srv.save("fr", "Tigre", "LE TIGRE C'EST NUL\n", v.second);
  return v;
}

std::string get_body(TestServer& srv, const std::string& path, int status = 200) {
  auto res = srv.client().Get(path.c_str());
  REQUIRE(res);
  CAPTURE(path);
  CHECK(res->status == status);
  return res->body;
}

}  // namespace

TEST_CASE("the history lists every version with links to compare and restore") {
  TestServer srv;
  const auto v = seed_tiger(srv);
  const std::string body = get_body(srv, "/fr/wiki/Tigre?action=history");
  CHECK(has(body, heading_html("fr", "web-history-heading", "title", "Tigre")));
  for (const auto id : {v.first, v.second, v.third}) {
    CHECK(has(body, "/fr/wiki/Tigre?oldid=" + std::to_string(id)));
  }
  CHECK(has(body, "/fr/wiki/Tigre?diff=" + std::to_string(v.third) + "&amp;oldid=" +
                      std::to_string(v.second)));
  CHECK(has(body, "/fr/wiki/Tigre?action=revert&amp;oldid=" + std::to_string(v.second)));
  CHECK_FALSE(has(body, "action=revert&amp;oldid=" + std::to_string(v.third)));
  CHECK(has(body, "class=\"size-delta negative\""));
  CHECK(has(body, "class=\"size-delta positive\""));
}

TEST_CASE("the history is paged with before=") {
  TestServer srv;
  std::optional<std::int64_t> base;
  for (int i = 0; i < 55; ++i) base = srv.save("en", "Counter", "Count " + std::to_string(i), base);
  const std::string first = get_body(srv, "/en/wiki/Counter?action=history");
  CHECK(has(first, page_msg("en", "web-pager-older")));
  const std::string older = between(first, "class=\"pager\"", "</nav>");
  const std::string href = between(older, "<a href=\"", "\" rel=\"next\"");
  REQUIRE_FALSE(href.empty());
  std::string path = href;
  for (std::size_t at; (at = path.find("&amp;")) != std::string::npos;) path.replace(at, 5, "&");
  const std::string second = get_body(srv, path);
  CHECK(has(second, page_msg("en", "web-pager-newest")));
  CHECK_FALSE(has(second, page_msg("en", "web-pager-older")));
  CHECK(get_body(srv, "/en/wiki/Counter?action=history&before=x", 400).size() > 0);
}

TEST_CASE("an old revision has a banner and links to its neighbours") {
  TestServer srv;
  const auto v = seed_tiger(srv);
  const std::string body = get_body(srv, "/fr/wiki/Tigre?oldid=" + std::to_string(v.second));
  CHECK(has(body, "Il vit en Asie du Sud."));
  CHECK(has(body, "old-revision-banner"));
  CHECK_FALSE(has(body, page_msg("fr", "web-oldrev-is-current")));
  CHECK(has(body, "href=\"/fr/wiki/Tigre?oldid=" + std::to_string(v.first) + "\" rel=\"prev\""));
  CHECK(has(body, "href=\"/fr/wiki/Tigre?oldid=" + std::to_string(v.third) + "\" rel=\"next\""));
  CHECK(has(body, "<meta name=\"robots\" content=\"noindex, nofollow\">"));
  const std::string newest = get_body(srv, "/fr/wiki/Tigre?oldid=" + std::to_string(v.third));
  CHECK(has(newest, page_msg("fr", "web-oldrev-is-current")));
  CHECK(get_body(srv, "/fr/wiki/Tigre?oldid=0", 400).size() > 0);
  CHECK(get_body(srv, "/fr/wiki/Tigre?oldid=999999", 404).size() > 0);
}

TEST_CASE("an old revision asked under another title goes to its own page") {
  TestServer srv;
  const auto v = seed_tiger(srv);
  srv.save("fr", "Lynx", "Le lynx.");
  auto res = srv.client().Get(("/fr/wiki/Lynx?oldid=" + std::to_string(v.first)).c_str());
  REQUIRE(res);
  CHECK(res->status == 302);
  CHECK(res->get_header_value("Location") == "/fr/wiki/Tigre?oldid=" + std::to_string(v.first));
}

TEST_CASE("a diff shows both versions side by side with the changed words marked") {
  TestServer srv;
  const auto v = seed_tiger(srv);
  const std::string body = get_body(srv, "/fr/wiki/Tigre?diff=" + std::to_string(v.second) +
                                             "&oldid=" + std::to_string(v.first));
  CHECK(has(body, heading_html("fr", "web-diff-heading", "title", "Tigre")));
  CHECK(has(body, "<table class=\"diff\">"));
  CHECK(has(body, "<tr class=\"diff-changed\">"));
  CHECK(has(body, "<ins>"));
  CHECK(has(body, "Sud"));
  // Without oldid: the change the revision made; the first revision compares with nothing.
  CHECK(has(get_body(srv, "/fr/wiki/Tigre?diff=" + std::to_string(v.third)), "<del>"));
  CHECK(has(get_body(srv, "/fr/wiki/Tigre?diff=" + std::to_string(v.first)),
            page_msg("fr", "web-diff-page-created")));
  CHECK(get_body(srv, "/fr/wiki/Tigre?diff=abc", 400).size() > 0);
  srv.save("fr", "Lynx", "Le lynx.");
  CHECK(get_body(srv, "/fr/wiki/Lynx?diff=" + std::to_string(v.second), 400).size() > 0);
}

TEST_CASE("vandalism is reverted from the history in two steps") {
  TestServer srv;
  const auto v = seed_tiger(srv);
  const std::string form =
      get_body(srv, "/fr/wiki/Tigre?action=revert&oldid=" + std::to_string(v.second));
  CHECK(has(form, page_msg("fr", "web-revert-confirm")));
  CHECK(has(form, "name=\"oldid\" value=\"" + std::to_string(v.second) + "\""));
  auto res = post_form(srv.client(), "/fr/wiki/Tigre",
                       {{"action", "revert"},
                        {"oldid", std::to_string(v.second)},
                        {"wpSummary", "Vandalisme annulé"}});
  REQUIRE(res);
  CHECK(res->status == 303);
  CHECK(res->get_header_value("Location") == "/fr/wiki/Tigre");
  const std::string page = get_body(srv, "/fr/wiki/Tigre");
  CHECK(has(page, "Il vit en Asie du Sud."));
  CHECK_FALSE(has(page, "NUL"));
  CHECK(has(get_body(srv, "/fr/wiki/Tigre?action=history"), "Vandalisme annulé"));
  auto bad = post_form(srv.client(), "/fr/wiki/Tigre", {{"action", "revert"}, {"oldid", "-3"}});
  REQUIRE(bad);
  CHECK(bad->status == 400);
}

TEST_CASE("a moved page is reached from its old title with a note") {
  TestServer srv;
  srv.save("en", "Kitten", "A young [[cat]].");
  const std::string form = get_body(srv, "/en/wiki/Kitten?action=move");
  CHECK(has(form, "name=\"wpNewTitle\" value=\"Kitten\""));
  CHECK(has(form, "checked"));
  auto res = post_form(srv.client(), "/en/wiki/Kitten",
                       {{"action", "move"},
                        {"wpNewTitle", "Young cat"},
                        {"wpLeaveRedirect", "1"},
                        {"wpReason", "clearer"}});
  REQUIRE(res);
  CHECK(res->status == 303);
  CHECK(res->get_header_value("Location") == "/en/wiki/Young_cat");
  const std::string moved = get_body(srv, "/en/wiki/Kitten");
  CHECK(has(moved, "A young"));
  CHECK(has(moved, "<h1 class=\"page-heading\">Young cat</h1>"));
  CHECK(has(moved, "href=\"/en/wiki/Kitten?redirect=no\">Kitten</a>"));
  const std::string note = page_msg("en", "web-redirected-from", {{"title", "@"}});
  CHECK(has(moved, note.substr(0, note.find('@')) + "<a href=\"/en/wiki/Kitten?redirect=no\">"));
  const std::string redirect = get_body(srv, "/en/wiki/Kitten?redirect=no");
  CHECK(has(redirect, page_msg("en", "web-redirect-to")));
  CHECK(has(redirect, "href=\"/en/wiki/Young_cat\">Young cat</a>"));
}

TEST_CASE("a refused move shows the form again with what was typed") {
  TestServer srv;
  srv.save("fr", "Chaton", "Un jeune chat.");
  srv.save("fr", "Chat", "Le chat.");
  struct Row {
    std::string new_title;
    int status;
  };
  const std::vector<Row> rows = {{"Chat", 409}, {"A|b", 400}, {"", 400}};
  for (const auto& row : rows) {
    CAPTURE(row.new_title);
    auto res = post_form(srv.client(), "/fr/wiki/Chaton",
                         {{"action", "move"}, {"wpNewTitle", row.new_title}, {"wpReason", "essai"}});
    REQUIRE(res);
    CHECK(res->status == row.status);
    CHECK(has(res->body, "class=\"message error\""));
    CHECK(has(res->body, "name=\"wpNewTitle\" value=\"" + html_escaped(row.new_title) + "\""));
    CHECK(has(res->body, "name=\"wpReason\" value=\"essai\""));
    CHECK_FALSE(has(res->body, "name=\"wpLeaveRedirect\" value=\"1\" checked"));
  }
}

TEST_CASE("what links here lists the pages linking to a title") {
  TestServer srv;
  srv.save("fr", "Chat", "Le chat chasse la [[souris]].");
  srv.save("fr", "Fromage", "La [[Souris]] aime le fromage.");
  srv.save("fr", "Rongeur", "Pas de lien.");
  const std::string body = get_body(srv, "/fr/special/links/Souris");
  CHECK(has(body, ">Chat</a>"));
  CHECK(has(body, ">Fromage</a>"));
  CHECK_FALSE(has(body, ">Rongeur</a>"));
  CHECK(body.find(">Chat</a>") < body.find(">Fromage</a>"));
  CHECK(has(get_body(srv, "/fr/special/links/Rongeur"), page_msg("fr", "web-links-none")));
}

TEST_CASE("recent changes link each change to its diff and history, with size deltas") {
  TestServer srv;
  const auto v = seed_tiger(srv);
  const std::string body = get_body(srv, "/fr/special/recent");
  CHECK(has(body, "/fr/wiki/Tigre?diff=" + std::to_string(v.third) + "&amp;oldid=" +
                      std::to_string(v.second)));
  CHECK(has(body, "/fr/wiki/Tigre?action=history"));
  CHECK(has(body, page_msg("fr", "web-recent-new-page")));
  CHECK(has(body, "class=\"size-delta negative\""));
}

TEST_CASE("the random page redirects to an article") {
  TestServer srv;
  srv.save("en", "Only", "The only page.");
  auto res = srv.client().Get("/en/special/random");
  REQUIRE(res);
  CHECK(res->status == 302);
  CHECK(res->get_header_value("Location").starts_with("/en/wiki/"));
}

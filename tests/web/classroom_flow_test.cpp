// Issue 3's "done when", step by step as people do it, through the server only: an admin creates
// a teacher; the teacher creates a class of 25 pupils and prints their cards; a pupil logs in and
// edits an article; a reader still sees the old text; the pupil's phone number is refused with a
// kind message and the text stays in the editor; the teacher sends the edit back with a message,
// the pupil fixes it, the teacher approves, and the reader now sees it.
#include <doctest/doctest.h>

#include <regex>

#include "html_test_util.h"
#include "test_server.h"

using namespace kidwiki::web::testing;

namespace {

// A person at a browser: the session cookie and CSRF token their logins gave them.
struct Person {
  std::unique_ptr<httplib::Client> client;
  std::string cookie;
  std::string csrf;

  httplib::Headers headers() const { return {{"Cookie", cookie}, {"X-CSRF-Token", csrf}}; }
  httplib::Result get(const std::string& path) { return client->Get(path.c_str(), headers()); }
  httplib::Result post_json(const std::string& path, const nlohmann::json& body) {
    return client->Post(path.c_str(), headers(), body.dump(), "application/json");
  }
  // A form as the browser sends it, with the page's CSRF field.
  httplib::Result post_form(const std::string& path, FormFields fields) {
    httplib::MultipartFormDataItems items = {{"wpCsrf", csrf, "", ""}};
    for (const auto& [name, value] : fields) items.push_back({name, value, "", ""});
    return client->Post(path.c_str(), {{"Cookie", cookie}}, items);
  }
};

std::string first_match(const std::string& text, const std::string& pattern) {
  std::smatch match;
  const std::regex re(pattern);
  return std::regex_search(text, match, re) ? match[1].str() : "";
}

std::vector<std::string> all_matches(const std::string& text, const std::string& pattern) {
  std::vector<std::string> found;
  const std::regex re(pattern);
  for (auto it = std::sregex_iterator(text.begin(), text.end(), re); it != std::sregex_iterator();
       ++it) {
    found.push_back((*it)[1].str());
  }
  return found;
}

// Logs in through the HTML login form, as a pupil does with their card.
Person log_in(TestServer& server, const std::string& name, const std::string& password) {
  Person person{std::make_unique<httplib::Client>("127.0.0.1", server.port()), "", ""};
  httplib::MultipartFormDataItems items = {{"wpName", name, "", ""},
                                           {"wpPassword", password, "", ""},
                                           {"returnto", "/fr/wiki/Accueil", "", ""}};
  auto res = person.client->Post("/fr/special/login", items);
  REQUIRE(res);
  REQUIRE(res->status == 303);
  const std::string set_cookie = res->get_header_value("Set-Cookie");
  person.cookie = set_cookie.substr(0, set_cookie.find(';'));
  auto me = person.get("/api/v1/me");
  REQUIRE(me);
  REQUIRE(me->status == 200);
  person.csrf = json_of(me)["csrf_token"].get<std::string>();
  return person;
}

// The edit form of Cheval as `person` gets it: its text and base revision.
struct EditForm {
  std::string base;
  std::string text;
};

EditForm open_editor(Person& person) {
  auto form = person.get("/fr/wiki/Cheval?action=edit");
  REQUIRE(form);
  REQUIRE(form->status == 200);
  return {first_match(form->body, R"re(name="wpBaseRevId" value="(\d+)")re"),
          first_match(form->body, R"re(<textarea[^>]*name="wpTextbox"[^>]*>\n?([^<]*)</textarea>)re")};
}

std::string reader_sees(TestServer& server) {
  auto res = server.anonymous().Get("/api/v1/fr/pages/Cheval");
  REQUIRE(res);
  REQUIRE(res->status == 200);
  return json_of(res)["markdown"].get<std::string>();
}

std::int64_t pending_revision(Person& teacher, std::int64_t class_id) {
  auto queue = teacher.get("/api/v1/review?class=" + std::to_string(class_id));
  REQUIRE(queue);
  REQUIRE(queue->status == 200);
  const auto items = json_of(queue)["pages"];
  REQUIRE(items.size() == 1);
  CHECK(items[0]["title"] == "Cheval");
  return items[0]["revision_id"].get<std::int64_t>();
}

}  // namespace

TEST_CASE("a class from its creation to a pupil's approved edit, as people do it") {
  TestServer server;
  const std::string old_text = reader_sees(server);

  // An admin creates a teacher, who logs in with the password shown once.
  auto made = server.post_json("/api/v1/users", {{"username", "Mme Martin"}, {"role", "teacher"}});
  REQUIRE(made);
  REQUIRE(made->status == 201);
  Person teacher = log_in(server, "Mme Martin", json_of(made)["password"].get<std::string>());

  // The teacher creates a class of 25 pupils and gets the sheet of login cards.
  auto klass = teacher.post_json("/api/v1/classes",
                                 {{"name", "CM2 B"}, {"lang", "fr"}, {"review_required", true}});
  REQUIRE(klass);
  REQUIRE(klass->status == 201);
  const auto class_id = json_of(klass)["id"].get<std::int64_t>();
  auto cards = teacher.post_form("/fr/special/class/" + std::to_string(class_id),
                                 {{"wpAction", "pupils"}, {"wpCount", "25"}});
  REQUIRE(cards);
  REQUIRE(cards->status == 200);
  const auto names = all_matches(cards->body, R"re(<dd class="card-username"><bdi>([^<]+)</bdi></dd>)re");
  const auto passwords = all_matches(cards->body, R"re(<dd class="card-password">([^<]+)</dd>)re");
  REQUIRE(names.size() == 25);
  REQUIRE(passwords.size() == 25);

  // A pupil logs in with their card and edits an article; a reader still sees the old text.
  Person pupil = log_in(server, names[7], passwords[7]);
  EditForm form = open_editor(pupil);
  const std::string first = form.text + "\n\nLe cheval dort debout.";
  auto saved = pupil.post_form("/fr/wiki/Cheval", {{"action", "submit"},
                                                   {"wpTextbox", first},
                                                   {"wpBaseRevId", form.base}});
  REQUIRE(saved);
  CHECK(saved->status == 303);
  CHECK(reader_sees(server) == old_text);

  // A phone number in a second edit is refused kindly; the text is still in the editor.
  form = open_editor(pupil);
  const std::string with_phone = first + "\n\nAppelle-moi au 06 12 34 56 78 !";
  auto refused = pupil.post_form("/fr/wiki/Cheval", {{"action", "submit"},
                                                     {"wpTextbox", with_phone},
                                                     {"wpBaseRevId", form.base}});
  REQUIRE(refused);
  CHECK(refused->status == 422);
  CHECK(has(refused->body, page_msg("fr", "filter-phone")));
  CHECK(has(refused->body, html_escaped("Appelle-moi au 06 12 34 56 78 !")));

  // The teacher sends the first edit back with a message; the pupil sees it.
  const auto pending = pending_revision(teacher, class_id);
  auto sent_back = teacher.post_json("/api/v1/revisions/" + std::to_string(pending) + "/reject",
                                     {{"message", "Dis pourquoi le cheval dort debout."}});
  REQUIRE(sent_back);
  CHECK(sent_back->status == 200);
  auto mine = pupil.get("/fr/special/my-edits");
  REQUIRE(mine);
  CHECK(has(mine->body, "Dis pourquoi le cheval dort debout."));
  CHECK(reader_sees(server) == old_text);

  // The pupil fixes it, the teacher approves, and the reader now sees it.
  form = open_editor(pupil);
  const std::string fixed = old_text + "\n\nLe cheval dort debout : ses jambes se bloquent.";
  auto resaved = pupil.post_form("/fr/wiki/Cheval", {{"action", "submit"},
                                                     {"wpTextbox", fixed},
                                                     {"wpBaseRevId", form.base}});
  REQUIRE(resaved);
  CHECK(resaved->status == 303);
  CHECK(reader_sees(server) == old_text);
  const auto fixed_id = pending_revision(teacher, class_id);
  auto approved = teacher.post_json("/api/v1/revisions/" + std::to_string(fixed_id) + "/approve",
                                    nlohmann::json::object());
  REQUIRE(approved);
  CHECK(approved->status == 200);
  CHECK(reader_sees(server) == fixed);
  auto page = server.anonymous().Get("/fr/wiki/Cheval");
  REQUIRE(page);
  CHECK(has(page->body, "ses jambes se bloquent"));
}

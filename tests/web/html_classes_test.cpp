// Classes in the HTML interface: creating a class, the dashboard with pupils and their edits'
// review state, the login cards, the pupil buttons, archiving, staff accounts, who may see what,
// and escaping.
#include <doctest/doctest.h>

#include <regex>
#include <set>

#include "html_test_util.h"
#include "test_server.h"

using namespace kidwiki::web::testing;
namespace engine = kidwiki::engine;

namespace {

struct ClassPages {
  TestServer server;
  TestLogin teacher_login = server.login_as("Mme Martin", engine::Role::teacher);
  std::unique_ptr<httplib::Client> teacher = server.client_for(teacher_login);
  engine::SchoolClass cm1 = make_class("CM1");

  engine::SchoolClass make_class(const std::string& name) {
    return server.wiki().classes().create_class(teacher_actor(), name, "fr", true).value();
  }
  engine::Actor teacher_actor() { return server.actor(teacher_login.user.id); }
  std::vector<engine::Credentials> add(const std::vector<std::string>& names) {
    return server.wiki().classes().add_pupils(teacher_actor(), cm1.id, names).value();
  }
  std::string dashboard(std::int64_t id = 0) {
    return "/fr/special/class/" + std::to_string(id ? id : cm1.id);
  }
  std::string pupil(std::int64_t id) { return "/fr/special/pupil/" + std::to_string(id); }
  // A pupil's edit saved for review, and its revision id.
  std::int64_t pupil_edit(const engine::User& who, const std::string& title) {
    auto& wiki = server.wiki();
    const auto fr = *wiki.edition("fr");
    engine::SaveRequest request{"Un texte de " + who.name, "mon ajout", std::nullopt};
    auto saved = wiki.save(server.actor(who.id), fr, wiki.parse_title(fr, title).value(), request);
    REQUIRE(saved.ok());
    REQUIRE(saved->review == engine::ReviewState::pending);
    return saved->revision_id;
  }
};

// The login cards' usernames and passwords, in page order.
std::vector<std::pair<std::string, std::string>> cards_of(const std::string& body) {
  static const std::regex card(
      "<dd class=\"card-username\"><bdi>([^<]*)</bdi></dd>\\s*<dt>[^<]*</dt>\\s*"
      "<dd class=\"card-password\">([^<]*)</dd>");
  std::vector<std::pair<std::string, std::string>> out;
  for (auto it = std::sregex_iterator(body.begin(), body.end(), card); it != std::sregex_iterator();
       ++it) {
    out.emplace_back((*it)[1], (*it)[2]);
  }
  return out;
}

}  // namespace

TEST_CASE("a teacher creates a class through the form and lands on its dashboard") {
  ClassPages p;
  auto page = p.teacher->Get("/fr/special/classes");
  REQUIRE(page->status == 200);
  CHECK(has(page->body, page_msg("fr", "classes-heading")));
  CHECK(has(page->body, "><bdi>CM1</bdi></a>"));
  CHECK(has(page->body, "name=\"wpCsrf\" value=\"" + p.teacher_login.csrf_token + "\""));
  auto made = post_form(*p.teacher, "/fr/special/classes",
                        {{"wpName", "CE2 bleu"}, {"wpLang", "en"}, {"wpReview", "1"}});
  REQUIRE(made->status == 303);
  auto classes = p.server.wiki().classes().list(p.teacher_actor());
  REQUIRE(classes.size() == 2);
  CHECK(classes.back().name == "CE2 bleu");
  CHECK(classes.back().lang == "en");
  CHECK(made->get_header_value("Location") == p.dashboard(classes.back().id));

  auto refused = post_form(*p.teacher, "/fr/special/classes", {{"wpName", " "}, {"wpLang", "fr"}});
  CHECK(refused->status == 400);
  CHECK(has(refused->body, page_msg("fr", "error-class-name", {{"max", 80}})));
}

TEST_CASE("the dashboard lists pupils with their state and their edits' review state") {
  ClassPages p;
  auto pupils = p.add({"Léa", "Tom", "Inès"});
  auto& classes = p.server.wiki().classes();
  REQUIRE(classes.set_trusted(p.teacher_actor(), pupils[1].user.id, true).ok());
  REQUIRE(classes.set_disabled(p.teacher_actor(), pupils[2].user.id, true).ok());
  p.pupil_edit(pupils[0].user, "Hérisson");
  const auto sent_back = p.pupil_edit(pupils[0].user, "Loutre");
  const auto fr = *p.server.wiki().edition("fr");
  REQUIRE(p.server.wiki()
              .reject(p.teacher_actor(), fr, sent_back, "Ajoute d'où vient cette info.")
              .ok());

  auto page = p.teacher->Get(p.dashboard());
  REQUIRE(page->status == 200);
  CHECK(page->get_header_value("Cache-Control") == "no-store");
  for (const auto& name : {"Léa", "Tom", "Inès"}) {
    CHECK(has(page->body, std::string("<bdi class=\"pupil-name\">") + name + "</bdi>"));
  }
  CHECK(has(page->body, page_msg("fr", "classes-trusted-badge")));
  CHECK(has(page->body, page_msg("fr", "classes-disabled-badge")));
  CHECK(has(page->body, page_msg("fr", "classes-untrust")));
  CHECK(has(page->body, page_msg("fr", "classes-enable")));
  CHECK(has(page->body, ">Hérisson</a>"));
  CHECK(has(page->body, page_msg("fr", "review-state-pending")));
  CHECK(has(page->body, page_msg("fr", "review-state-rejected")));
  CHECK(has(page->body, html_escaped("Ajoute d'où vient cette info.")));
  CHECK(has(page->body, page_msg("fr", "classes-sent-back-by", {{"reviewer", "Mme Martin"}})));
  CHECK(has(page->body, page_msg("fr", "classes-no-edits")));
}

TEST_CASE("adding 25 pupils answers a sheet of 25 login cards") {
  ClassPages p;
  auto sheet = post_form(*p.teacher, p.dashboard(), {{"wpAction", "pupils"}, {"wpCount", "25"}});
  REQUIRE(sheet->status == 200);
  CHECK(sheet->get_header_value("Cache-Control") == "no-store");
  const auto cards = cards_of(sheet->body);
  REQUIRE(cards.size() == 25);
  const auto pupils = p.server.wiki().classes().pupils(TestServer::console(), p.cm1.id).value();
  std::set<std::string> names;
  for (const auto& u : pupils) names.insert(html_escaped(u.name));
  for (const auto& [name, password] : cards) {
    CAPTURE(name);
    CHECK(names.count(name) == 1);
    CHECK(password.size() >= engine::kMinPasswordLength);
  }
  // The passwords printed are the ones that log in.
  const auto lea =
      p.server.wiki().accounts().user_by_name(TestServer::console(), pupils.front().name);
  const auto card = std::find_if(cards.begin(), cards.end(), [&](const auto& c) {
    return c.first == html_escaped(pupils.front().name);
  });
  CHECK(p.server.wiki().accounts().authenticate(lea->name, card->second).ok());
  CHECK(has(sheet->body, "<dd class=\"card-address\">http://127.0.0.1:" +
                             std::to_string(p.server.port()) + "/fr/</dd>"));

  auto named = post_form(*p.teacher, p.dashboard(),
                         {{"wpAction", "pupils"}, {"wpNames", "Léa\r\n\r\n  Tom  \r\nLéa\r\n"}});
  REQUIRE(named->status == 200);
  const auto named_cards = cards_of(named->body);
  REQUIRE(named_cards.size() == 3);
  CHECK(named_cards[0].first == "Léa");
  CHECK(named_cards[1].first == "Tom");
  CHECK(named_cards[2].first == "Léa 2");
}

TEST_CASE("a refused first name refuses the list and says which") {
  ClassPages p;
  auto page = post_form(*p.teacher, p.dashboard(),
                        {{"wpAction", "pupils"}, {"wpNames", "Léa\nZoé@ecole\nTom"}});
  CHECK(page->status == 400);
  CHECK(has(page->body, html_escaped("Zoé@ecole")));
  CHECK(cards_of(page->body).empty());
  CHECK(p.server.wiki().classes().pupils(TestServer::console(), p.cm1.id)->empty());
  auto empty = post_form(*p.teacher, p.dashboard(), {{"wpAction", "pupils"}, {"wpNames", " \n"}});
  CHECK(empty->status == 400);
  CHECK(has(empty->body, page_msg("fr", "classes-error-names-or-count")));
}

TEST_CASE("the pupil buttons: a new password's card, trust, switch off") {
  ClassPages p;
  auto lea = p.add({"Léa"}).front();
  auto card = post_form(*p.teacher, p.pupil(lea.user.id), {{"wpAction", "password"}});
  REQUIRE(card->status == 200);
  const auto cards = cards_of(card->body);
  REQUIRE(cards.size() == 1);
  CHECK(cards[0].first == "Léa");
  CHECK(p.server.wiki().accounts().authenticate("Léa", cards[0].second).ok());
  CHECK_FALSE(p.server.wiki().accounts().authenticate("Léa", lea.password).ok());

  struct Row {
    const char* action;
    bool trusted, disabled;
  };
  const Row rows[] = {{"trust", true, false},
                      {"disable", true, true},
                      {"untrust", false, true},
                      {"enable", false, false}};
  for (const auto& row : rows) {
    CAPTURE(row.action);
    auto done = post_form(*p.teacher, p.pupil(lea.user.id), {{"wpAction", row.action}});
    CHECK(done->status == 303);
    CHECK(done->get_header_value("Location") == p.dashboard());
    const auto now = p.server.wiki().accounts().user(TestServer::console(), lea.user.id);
    CHECK(now->trusted == row.trusted);
    CHECK(now->disabled == row.disabled);
  }
  CHECK(post_form(*p.teacher, p.pupil(lea.user.id), {{"wpAction", "explode"}})->status == 400);
  CHECK(post_form(*p.teacher, p.pupil(9999), {{"wpAction", "trust"}})->status == 404);
}

TEST_CASE("archiving a class from its dashboard") {
  ClassPages p;
  auto done = post_form(*p.teacher, p.dashboard(), {{"wpAction", "archive"}});
  CHECK(done->status == 303);
  CHECK(p.server.wiki().classes().get(TestServer::console(), p.cm1.id)->archived);
  auto page = p.teacher->Get(p.dashboard());
  CHECK(has(page->body, page_msg("fr", "classes-archived-note")));
  CHECK(has(page->body, page_msg("fr", "classes-unarchive")));
  CHECK(post_form(*p.teacher, p.dashboard(), {{"wpAction", "unarchive"}})->status == 303);
  CHECK_FALSE(p.server.wiki().classes().get(TestServer::console(), p.cm1.id)->archived);
}

TEST_CASE("who sees the class pages") {
  ClassPages p;
  auto lea = p.add({"Léa"}).front();
  auto other_login = p.server.login_as("M Durand", engine::Role::teacher);
  auto other = p.server.client_for(other_login);
  auto session = p.server.wiki().accounts().start_session(lea.user).value();
  auto pupil = p.server.client_for(TestLogin{lea.user, session.token, session.csrf_token});

  auto reader = p.server.anonymous().Get(p.dashboard());
  CHECK(reader->status == 303);
  CHECK(reader->get_header_value("Location").find("/fr/special/login") == 0);
  CHECK(pupil->Get("/fr/special/classes")->status == 403);
  CHECK(pupil->Get(p.dashboard())->status == 403);
  CHECK(other->Get(p.dashboard())->status == 403);
  CHECK(post_form(*other, p.pupil(lea.user.id), {{"wpAction", "trust"}})->status == 403);
  CHECK(post_form(*other, p.dashboard(), {{"wpAction", "archive"}})->status == 403);
  CHECK(p.teacher->Get(p.dashboard(9999))->status == 404);
  CHECK(p.server.client().Get(p.dashboard())->status == 200);  // an admin
  CHECK(p.teacher->Get("/fr/special/users")->status == 403);

  // The header links: "My classes" for teachers and admins, "Staff accounts" for admins only.
  const auto classes_link = page_msg("fr", "classes-link");
  const auto users_link = page_msg("fr", "classes-users-link");
  auto as_teacher = p.teacher->Get("/fr/wiki/Accueil")->body;
  CHECK(has(as_teacher, classes_link));
  CHECK_FALSE(has(as_teacher, users_link));
  auto as_admin = p.server.client().Get("/fr/wiki/Accueil")->body;
  CHECK(has(as_admin, classes_link));
  CHECK(has(as_admin, users_link));
  CHECK_FALSE(has(pupil->Get("/fr/wiki/Accueil")->body, classes_link));
}

TEST_CASE("a class form without its CSRF token changes nothing") {
  ClassPages p;
  httplib::Client bare("127.0.0.1", p.server.port());
  bare.set_default_headers({{"Cookie", "kidwiki_session=" + p.teacher_login.token}});
  auto res = post_form(bare, p.dashboard(), {{"wpAction", "archive"}});
  CHECK(res->status == 403);
  CHECK_FALSE(p.server.wiki().classes().get(TestServer::console(), p.cm1.id)->archived);
  auto with_token = post_form(bare, p.dashboard(),
                              {{"wpAction", "archive"}, {"wpCsrf", p.teacher_login.csrf_token}});
  CHECK(with_token->status == 303);
}

TEST_CASE("a class name with markup is shown as text") {
  ClassPages p;
  const std::string name = "<script>alert(1)</script> & \"CM2\"";
  auto hostile = p.make_class(name);
  p.server.wiki().classes().add_generated_pupils(p.teacher_actor(), hostile.id, 1).value();
  for (const std::string& path : {std::string("/fr/special/classes"), p.dashboard(hostile.id)}) {
    CAPTURE(path);
    auto page = p.teacher->Get(path);
    REQUIRE(page->status == 200);
    CHECK_FALSE(has(page->body, "<script>alert"));
    CHECK(has(page->body, html_escaped(name)));
  }
  auto sheet = post_form(*p.teacher, p.dashboard(hostile.id), {{"wpAction", "pupils"}, {"wpCount", "1"}});
  CHECK_FALSE(has(sheet->body, "<script>alert"));
  CHECK(has(sheet->body, html_escaped(name)));
}

TEST_CASE("an admin creates a teacher and sees the password once") {
  ClassPages p;
  auto form = p.server.client().Get("/fr/special/users");
  REQUIRE(form->status == 200);
  CHECK(has(form->body, page_msg("fr", "classes-users-heading")));
  auto made = post_form(p.server.client(), "/fr/special/users",
                        {{"wpName", "M Petit"}, {"wpRole", "teacher"}, {"wpPassword", ""}});
  REQUIRE(made->status == 200);
  CHECK(made->get_header_value("Cache-Control") == "no-store");
  const std::string password = between(made->body, "<dd class=\"card-password\">", "</dd>");
  CHECK(p.server.wiki().accounts().authenticate("M Petit", password).ok());
  CHECK(p.server.wiki().accounts().user_by_name(TestServer::console(), "M Petit")->role ==
        engine::Role::teacher);

  auto taken = post_form(p.server.client(), "/fr/special/users",
                         {{"wpName", "m petit"}, {"wpRole", "moderator"}});
  CHECK(taken->status == 409);
  CHECK(has(taken->body, page_msg("fr", "error-username-taken")));
  auto pupil_role = post_form(p.server.client(), "/fr/special/users",
                              {{"wpName", "Zed"}, {"wpRole", "pupil"}});
  CHECK(pupil_role->status == 400);
}

TEST_CASE("an admin disables, re-roles and resets a staff account from the staff page") {
  ClassPages p;
  const std::string path = "/fr/special/user/" + std::to_string(p.teacher_login.user.id);
  auto page = p.server.client().Get("/fr/special/users");
  REQUIRE(page->status == 200);
  CHECK(has(page->body, "Mme Martin"));
  CHECK(has(page->body, "action=\"" + path + "\""));

  auto disabled = post_form(p.server.client(), path, {{"wpAction", "disable"}});
  CHECK(disabled->status == 303);
  CHECK(disabled->get_header_value("Location") == "/fr/special/users?done=1");
  CHECK(p.server.wiki().accounts().user(TestServer::console(), p.teacher_login.user.id)->disabled);
  CHECK(p.teacher->Get("/fr/special/classes")->status == 303);  // logged out: to the login page
  CHECK(post_form(p.server.client(), path, {{"wpAction", "enable"}})->status == 303);
  CHECK_FALSE(
      p.server.wiki().accounts().user(TestServer::console(), p.teacher_login.user.id)->disabled);

  CHECK(
      post_form(p.server.client(), path, {{"wpAction", "role"}, {"wpRole", "moderator"}})->status ==
      303);
  CHECK(p.server.wiki().accounts().user(TestServer::console(), p.teacher_login.user.id)->role ==
        engine::Role::moderator);
  CHECK(post_form(p.server.client(), path, {{"wpAction", "role"}, {"wpRole", "king"}})->status ==
        400);

  auto card = post_form(p.server.client(), path, {{"wpAction", "password"}});
  REQUIRE(card->status == 200);
  CHECK(card->get_header_value("Cache-Control") == "no-store");
  const std::string password = between(card->body, "<dd class=\"card-password\">", "</dd>");
  CHECK(p.server.wiki().accounts().authenticate("Mme Martin", password).ok());

  CHECK(post_form(p.server.client(), path, {{"wpAction", "explode"}})->status == 400);
  auto self = "/fr/special/user/" + std::to_string(p.server.editor().user.id);
  CHECK(post_form(p.server.client(), self, {{"wpAction", "disable"}})->status == 403);
  auto other = p.server.client_for(p.server.login_as("M Durand", engine::Role::teacher));
  CHECK(post_form(*other, path, {{"wpAction", "disable"}})->status == 403);
}

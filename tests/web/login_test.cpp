// Logging in and out through the JSON API and the HTML forms: the session cookie, CSRF on
// logout, one answer for a wrong name and a wrong password, throttling that lets a whole class
// in, the header for a logged-in user, the view cache that never mixes them up, and the
// `kidwiki user create` command and first admin of the real program.
#include <doctest/doctest.h>
#include <fcntl.h>
#include <signal.h>
#include <spawn.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cstdio>
#include <random>
#include <regex>
#include <set>
#include <stdexcept>
#include <string>
#include <vector>

#include "html_test_util.h"
#include "kidwiki_process.h"
#include "test_server.h"

extern char** environ;

namespace {

using kidwiki::web::testing::between;
using kidwiki::web::testing::error_code_of;
using kidwiki::web::testing::FormFields;
using kidwiki::web::testing::has;
using kidwiki::web::testing::html_escaped;
using kidwiki::web::testing::json_of;
using kidwiki::web::testing::KidwikiProcess;
using kidwiki::web::testing::page_msg;
using kidwiki::web::testing::post_form;
using kidwiki::web::testing::TempDir;
using kidwiki::web::testing::TestServer;
namespace engine = kidwiki::engine;

constexpr const char* kPassword = "tigre-lampe-42";

void add_user(TestServer& server, const std::string& name,
              engine::Role role = engine::Role::pupil) {
  auto user = server.wiki().accounts().create_user(TestServer::console(), name, kPassword, role);
  REQUIRE(user.ok());
}

httplib::Result api_login(TestServer& server, const std::string& name, const std::string& password,
                          const httplib::Headers& headers = {}) {
  nlohmann::json body = {{"username", name}, {"password", password}};
  return server.anonymous().Post("/api/v1/session", headers, body.dump(), "application/json");
}

// "kidwiki_session=TOKEN" from the response's Set-Cookie, ready for a Cookie header.
std::string cookie_of(const httplib::Result& res) {
  const std::string set_cookie = res->get_header_value("Set-Cookie");
  return set_cookie.substr(0, set_cookie.find(';'));
}

httplib::Headers with_cookie(const std::string& cookie) { return {{"Cookie", cookie}}; }

// Logs `name` in through the API; returns the cookie and the CSRF token.
std::pair<std::string, std::string> logged_in(TestServer& server, const std::string& name) {
  auto res = api_login(server, name, kPassword);
  REQUIRE(res);
  REQUIRE(res->status == 200);
  return {cookie_of(res), json_of(res)["csrf_token"].get<std::string>()};
}

}  // namespace

TEST_CASE("API login sets an HttpOnly, SameSite=Lax session cookie and answers the user") {
  TestServer server;
  add_user(server, "Léa", engine::Role::teacher);
  auto res = api_login(server, "léa", kPassword);
  REQUIRE(res);
  REQUIRE(res->status == 200);
  const std::string set_cookie = res->get_header_value("Set-Cookie");
  CHECK(set_cookie.starts_with("kidwiki_session="));
  CHECK(has(set_cookie, "; HttpOnly"));
  CHECK(has(set_cookie, "; SameSite=Lax"));
  CHECK(has(set_cookie, "; Path=/"));
  CHECK_FALSE(has(set_cookie, "Secure"));
  const std::regex max_age(R"(.*; Max-Age=(\d+);.*)");
  std::smatch match;
  REQUIRE(std::regex_match(set_cookie, match, max_age));
  CHECK(std::stol(match[1]) > 12 * 3600 - 60);
  CHECK(std::stol(match[1]) <= 12 * 3600);
  CHECK(res->get_header_value("Cache-Control") == "no-store");
  auto body = json_of(res);
  CHECK(body["csrf_token"].get<std::string>().size() >= 32);
  CHECK(body["user"]["name"] == "Léa");
  CHECK(body["user"]["role"] == "teacher");
  CHECK(body["user"]["trusted"] == false);
  CHECK(body["user"]["id"].is_number_integer());
  CHECK_FALSE(has(res->body, kPassword));
}

TEST_CASE("the cookie is Secure when a TLS proxy says the request came over HTTPS") {
  TestServer server;
  add_user(server, "Tom");
  auto res = api_login(server, "Tom", kPassword, {{"X-Forwarded-Proto", "https"}});
  REQUIRE(res);
  REQUIRE(res->status == 200);
  CHECK(has(res->get_header_value("Set-Cookie"), "; Secure"));
}

TEST_CASE("GET /api/v1/me answers the user with a session, 401 without") {
  TestServer server;
  add_user(server, "Tom");
  const auto [cookie, csrf] = logged_in(server, "Tom");
  auto me = server.anonymous().Get("/api/v1/me", with_cookie(cookie));
  REQUIRE(me);
  CHECK(me->status == 200);
  CHECK(json_of(me)["user"]["name"] == "Tom");
  CHECK(json_of(me)["user"]["role"] == "pupil");
  CHECK(json_of(me)["csrf_token"] == csrf);
  const std::vector<httplib::Headers> anonymous = {
      {},
      with_cookie("kidwiki_session="),
      with_cookie("kidwiki_session=forged"),
      with_cookie("other=" + cookie.substr(cookie.find('=') + 1))};
  for (const auto& headers : anonymous) {
    auto res = server.anonymous().Get("/api/v1/me", headers);
    REQUIRE(res);
    CHECK(res->status == 401);
    CHECK(error_code_of(res) == "not_logged_in");
  }
  auto among_others = server.anonymous().Get("/api/v1/me", with_cookie("a=1; " + cookie + "; b=2"));
  REQUIRE(among_others);
  CHECK(among_others->status == 200);
}

TEST_CASE("API logout needs the session's CSRF token; without a session it answers 204") {
  TestServer server;
  add_user(server, "Tom");
  const auto [cookie, csrf] = logged_in(server, "Tom");
  const std::vector<httplib::Headers> refused = {
      with_cookie(cookie),
      {{"Cookie", cookie}, {"X-CSRF-Token", "wrong"}},
      {{"Cookie", cookie}, {"X-CSRF-Token", csrf.substr(1) + "x"}}};
  for (const auto& headers : refused) {
    auto res = server.anonymous().Delete("/api/v1/session", headers);
    REQUIRE(res);
    CHECK(res->status == 403);
    CHECK(error_code_of(res) == "csrf");
    CHECK(server.anonymous().Get("/api/v1/me", with_cookie(cookie))->status == 200);
  }
  auto res =
      server.anonymous().Delete("/api/v1/session", {{"Cookie", cookie}, {"X-CSRF-Token", csrf}});
  REQUIRE(res);
  CHECK(res->status == 204);
  CHECK(has(res->get_header_value("Set-Cookie"), "kidwiki_session=; Max-Age=0"));
  CHECK(server.anonymous().Get("/api/v1/me", with_cookie(cookie))->status == 401);
  auto again = server.anonymous().Delete("/api/v1/session");
  REQUIRE(again);
  CHECK(again->status == 204);
}

TEST_CASE("a wrong password and an unknown name get the same 401") {
  TestServer server;
  add_user(server, "Tom");
  auto wrong_password = api_login(server, "Tom", "not-the-password");
  auto unknown_name = api_login(server, "Personne", kPassword);
  REQUIRE(wrong_password);
  REQUIRE(unknown_name);
  CHECK(wrong_password->status == 401);
  CHECK(error_code_of(wrong_password) == "login_failed");
  CHECK(wrong_password->body == unknown_name->body);
  CHECK(unknown_name->status == 401);
  // No session; only the device cookie that counts this browser's failures apart.
  CHECK_FALSE(has(wrong_password->get_header_value("Set-Cookie"), "kidwiki_session"));
  CHECK(has(wrong_password->get_header_value("Set-Cookie"), "kidwiki_device="));
}

TEST_CASE("API login refuses malformed bodies with 400") {
  TestServer server;
  struct Row {
    const char* body;
    const char* content_type;
  };
  const Row rows[] = {
      {"not json", "application/json"},
      {R"({"username": "Tom"})", "application/json"},
      {R"({"password": "x"})", "application/json"},
      {R"({"username": 5, "password": "x"})", "application/json"},
      {R"(["Tom", "x"])", "application/json"},
      {R"({"username": "Tom", "password": "x"})", "text/plain"},
  };
  for (const auto& row : rows) {
    CAPTURE(row.body);
    auto res = server.anonymous().Post("/api/v1/session", row.body, row.content_type);
    REQUIRE(res);
    CHECK(res->status == 400);
    CHECK(error_code_of(res) == "invalid_input");
  }
}

TEST_CASE("a class of 35 logging in from one address within a minute all get in" *
          doctest::timeout(60)) {
  TestServer server;
  for (int i = 1; i <= 35; ++i) add_user(server, "Eleve " + std::to_string(i));
  for (int i = 1; i <= 35; ++i) {
    const std::string name = "Eleve " + std::to_string(i);
    if (i % 4 == 0) CHECK(api_login(server, name, "typo-typo")->status == 401);
    auto res = api_login(server, name, kPassword);
    REQUIRE(res);
    CHECK(res->status == 200);
  }
}

TEST_CASE("six wrong passwords for one account answer 429 with Retry-After") {
  TestServer server;
  add_user(server, "Tom");
  add_user(server, "Zoé");
  for (int i = 0; i < 5; ++i) CHECK(api_login(server, "tom", "wrong-guess")->status == 401);
  for (const char* password : {"wrong-guess", kPassword}) {
    auto res = api_login(server, "TOM", password);
    REQUIRE(res);
    CHECK(res->status == 429);
    CHECK(error_code_of(res) == "throttled");
    const long retry_after = std::stol(res->get_header_value("Retry-After"));
    CHECK(retry_after > 0);
    CHECK(retry_after <= 15 * 60);
  }
  CHECK(api_login(server, "Zoé", kPassword)->status == 200);  // same school, other pupil
}

TEST_CASE("the HTML login form round trip") {
  TestServer server;
  add_user(server, "Léa");
  auto form = server.anonymous().Get("/fr/special/login?returnto=%2Ffr%2Fwiki%2FChat");
  REQUIRE(form);
  CHECK(form->status == 200);
  CHECK(has(form->body, R"(name="returnto" value="/fr/wiki/Chat")"));
  CHECK(has(form->body, R"(type="password")"));
  CHECK(has(form->body, page_msg("fr", "login-heading")));

  const FormFields wrong = {
      {"wpName", "Léa"}, {"wpPassword", "secret-wrong"}, {"returnto", "/fr/wiki/Chat"}};
  auto failed = post_form(server.anonymous(), "/fr/special/login", wrong);
  REQUIRE(failed);
  CHECK(failed->status == 401);
  CHECK(has(failed->body, page_msg("fr", "error-login-failed")));
  CHECK(has(failed->body, R"(name="wpName" value="Léa")"));
  CHECK_FALSE(has(failed->body, "secret-wrong"));
  CHECK_FALSE(has(failed->get_header_value("Set-Cookie"), "kidwiki_session"));

  const FormFields right = {
      {"wpName", "Léa"}, {"wpPassword", kPassword}, {"returnto", "/fr/wiki/Chat"}};
  auto ok = post_form(server.anonymous(), "/fr/special/login", right);
  REQUIRE(ok);
  CHECK(ok->status == 303);
  CHECK(ok->get_header_value("Location") == "/fr/wiki/Chat");
  const std::string cookie = cookie_of(ok);
  CHECK(has(ok->get_header_value("Set-Cookie"), "HttpOnly"));
  CHECK(server.anonymous().Get("/api/v1/me", with_cookie(cookie))->status == 200);
}

TEST_CASE("the HTML login form says to wait when throttled") {
  TestServer server;
  add_user(server, "Tom");
  const FormFields wrong = {{"wpName", "Tom"}, {"wpPassword", "wrong-guess"}};
  for (int i = 0; i < 5; ++i)
    CHECK(post_form(server.anonymous(), "/en/special/login", wrong)->status == 401);
  auto res = post_form(server.anonymous(), "/en/special/login", wrong);
  REQUIRE(res);
  CHECK(res->status == 429);
  CHECK(std::stol(res->get_header_value("Retry-After")) > 0);
  CHECK(has(res->body, page_msg("en", "login-error-throttled", {{"minutes", 15}})));
}

TEST_CASE("the return path never leaves the site") {
  TestServer server;
  struct Row {
    const char* returnto;  // as decoded from the query
    const char* kept;      // the hidden field's value; nullptr: the main page
  };
  const Row rows[] = {
      {"/fr/wiki/Chat", "/fr/wiki/Chat"},
      {"/fr/wiki/Chat?action=edit", "/fr/wiki/Chat?action=edit"},
      {"/fr/wiki/Éléphant", "/fr/wiki/%C3%89l%C3%A9phant"},
      {"", nullptr},
      {"//evil.example/", nullptr},
      {"/\\evil.example/", nullptr},
      {"https://evil.example/", nullptr},
      {"javascript:alert(1)", nullptr},
      {"fr/wiki/Chat", nullptr},
      {"/fr/wiki/A\r\nSet-Cookie: x=1", nullptr},
  };
  for (const auto& row : rows) {
    CAPTURE(row.returnto);
    auto res = server.anonymous().Get(
        ("/fr/special/login?returnto=" + kidwiki::web::testing::url_encode(row.returnto)).c_str());
    REQUIRE(res);
    REQUIRE(res->status == 200);
    const std::string kept = between(res->body, R"(name="returnto" value=")", "\"");
    CHECK(kept == html_escaped(row.kept ? row.kept : "/fr/wiki/Accueil"));
  }
}

TEST_CASE("random return paths stay on the site" * doctest::timeout(60)) {
  TestServer server;
  add_user(server, "Tom");
  std::mt19937 random(20261129);
  const std::string alphabet = "/\\:.?#@%&=aZ \t\r\n\x7f\xc3\xa9";
  for (int i = 0; i < 150; ++i) {
    std::string returnto;
    const int length = static_cast<int>(random() % 12);
    for (int j = 0; j < length; ++j) returnto += alphabet[random() % alphabet.size()];
    CAPTURE(returnto);
    const FormFields fields = {
        {"wpName", "Tom"}, {"wpPassword", kPassword}, {"returnto", returnto}};
    auto res = post_form(server.anonymous(), "/fr/special/login", fields);
    REQUIRE(res);
    REQUIRE(res->status == 303);
    const std::string location = res->get_header_value("Location");
    CHECK(location.starts_with("/"));
    CHECK_FALSE(location.starts_with("//"));
    CHECK_FALSE(has(location, "\\"));
    for (const char c : location) CHECK(static_cast<unsigned char>(c) > 0x20);
  }
}

TEST_CASE("the header shows the user's name and a logout form, or a login link") {
  TestServer server;
  add_user(server, "Léa");
  const auto [cookie, csrf] = logged_in(server, "Léa");
  auto mine = server.anonymous().Get("/fr/wiki/Accueil", with_cookie(cookie));
  REQUIRE(mine);
  CHECK(mine->status == 200);
  CHECK(has(mine->body, page_msg("fr", "login-logged-in-as", {{"name", "Léa"}})));
  CHECK(has(mine->body, R"(action="/fr/special/logout")"));
  CHECK(has(mine->body, R"(name="wpCsrf" value=")" + csrf + "\""));
  CHECK_FALSE(has(mine->body, R"(class="login-link")"));
  auto anonymous = server.anonymous().Get("/fr/wiki/Accueil");
  REQUIRE(anonymous);
  CHECK(has(anonymous->body,
            R"(<a class="login-link" href="/fr/special/login?returnto=%2Ffr%2Fwiki%2FAccueil">)"));
  CHECK_FALSE(has(anonymous->body, "Léa"));
}

TEST_CASE("a logged-in view never comes from or goes to the anonymous view cache") {
  TestServer server;
  add_user(server, "Léa");
  const auto [cookie, csrf] = logged_in(server, "Léa");
  const std::string name_line = page_msg("fr", "login-logged-in-as", {{"name", "Léa"}});
  for (int round = 0; round < 2; ++round) {  // the second round reads the cache, if any
    auto mine = server.anonymous().Get("/fr/wiki/Accueil", with_cookie(cookie));
    REQUIRE(mine);
    CHECK(has(mine->body, name_line));
    auto anonymous = server.anonymous().Get("/fr/wiki/Accueil");
    REQUIRE(anonymous);
    CHECK(has(anonymous->body, page_msg("fr", "login-link")));
    CHECK_FALSE(has(anonymous->body, name_line));
    CHECK_FALSE(has(anonymous->body, csrf));
  }
}

TEST_CASE("HTML logout needs the CSRF field, then ends the session and goes to the main page") {
  TestServer server;
  add_user(server, "Tom");
  const auto [cookie, csrf] = logged_in(server, "Tom");
  httplib::MultipartFormDataItems wrong = {{"wpCsrf", "forged", "", ""}};
  auto refused = server.anonymous().Post("/en/special/logout", with_cookie(cookie), wrong);
  REQUIRE(refused);
  CHECK(refused->status == 403);
  CHECK(has(refused->body, page_msg("en", "access-error-csrf")));
  CHECK(server.anonymous().Get("/api/v1/me", with_cookie(cookie))->status == 200);
  httplib::MultipartFormDataItems right = {{"wpCsrf", csrf, "", ""}};
  auto res = server.anonymous().Post("/en/special/logout", with_cookie(cookie), right);
  REQUIRE(res);
  CHECK(res->status == 303);
  CHECK(res->get_header_value("Location") == "/en/wiki/Main_Page");
  CHECK(has(res->get_header_value("Set-Cookie"), "kidwiki_session=; Max-Age=0"));
  CHECK(server.anonymous().Get("/api/v1/me", with_cookie(cookie))->status == 401);
}

TEST_CASE("generated passwords are easy to type and differ") {
  const std::regex shape(R"([a-z]+-[a-z]+-[1-9][0-9]-[a-z]+)");
  std::set<std::string> seen;
  for (int i = 0; i < 200; ++i) {
    const std::string password = engine::generate_password();
    CAPTURE(password);
    CHECK(std::regex_match(password, shape));
    CHECK(password.size() >= engine::kMinPasswordLength);
    seen.insert(password);
  }
  CHECK(seen.size() >= 195);
}

namespace {

struct Ran {
  int exit_code = -1;
  std::string out;
  std::string err;
};

std::string read_all(int fd) {
  std::string text;
  char buffer[4096];
  for (ssize_t n; (n = read(fd, buffer, sizeof buffer)) > 0;) text.append(buffer, n);
  close(fd);
  return text;
}

// Runs the real kidwiki with `args`, `input` on its standard input, until it exits. The outputs
// go to files so that a full pipe can never stall it.
Ran run_kidwiki(const std::vector<std::string>& args, const std::string& input,
                const TempDir& scratch) {
  const std::string in_path = (scratch.path() / "stdin").string();
  const std::string out_path = (scratch.path() / "stdout").string();
  const std::string err_path = (scratch.path() / "stderr").string();
  if (FILE* f = std::fopen(in_path.c_str(), "w")) {
    std::fputs(input.c_str(), f);
    std::fclose(f);
  }
  const pid_t pid = kidwiki::web::testing::start_kidwiki(
      args, {.in = in_path, .out = out_path, .err = err_path});
  int status = 0;
  waitpid(pid, &status, 0);
  Ran ran;
  ran.exit_code = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
  ran.out = read_all(open(out_path.c_str(), O_RDONLY));
  ran.err = read_all(open(err_path.c_str(), O_RDONLY));
  return ran;
}

std::string en(std::string_view id, const kidwiki::i18n::MessageArgs& args = {}) {
  return kidwiki::i18n::Messages::builtin().format("en", id, args);
}

}  // namespace

TEST_SUITE_BEGIN("process");

TEST_CASE("kidwiki user create reads the password from standard input" * doctest::timeout(120)) {
  TempDir data;
  TempDir scratch;
  const std::string dir = data.path().string();
  struct Row {
    const char* name;
    const char* role;
    const char* input;
    int exit_code;
    std::string expected;  // a line of standard output (exit 0) or of standard error
  };
  const Row rows[] = {
      {"Madame Lune", "teacher", "lune-etoile-33\n", 0,
       en("login-cli-created", {{"name", "Madame Lune"}, {"role", "teacher"}})},
      {"Léa", "pupil", "chat-chien-12-lapin\r\n", 0,
       en("login-cli-created", {{"name", "Léa"}, {"role", "pupil"}})},
      {"Tom", "pupil", "", 1, en("login-cli-no-password")},
      {"Tom", "pupil", "\n", 1, en("login-cli-no-password")},
      {"Tom", "king", "chat-chien-12\n", 1, en("login-cli-bad-role", {{"role", "king"}})},
      {"T", "pupil", "chat-chien-12\n", 1, en("error-username-length")},
      {"Tom", "pupil", "court\n", 1, en("error-password-length")},
      {"madame lune", "pupil", "chat-chien-12\n", 1, en("error-username-taken")},
  };
  for (const auto& row : rows) {
    CAPTURE(row.name);
    CAPTURE(row.input);
    const Ran ran = run_kidwiki({"user", "create", row.name, "--role", row.role, "--data", dir},
                                row.input, scratch);
    CHECK(ran.exit_code == row.exit_code);
    CHECK(has(row.exit_code == 0 ? ran.out : ran.err, row.expected + "\n"));
    CHECK_FALSE(has(ran.out + ran.err, "chat-chien"));
  }
  engine::Options options;
  options.data_dir = data.path();
  options.render_limits.worker_argv = {"/proc/self/exe", "render-worker"};
  auto wiki = engine::Wiki::open(options);
  REQUIRE(wiki.ok());
  CHECK(wiki.value()->accounts().authenticate("Madame Lune", "lune-etoile-33").ok());
  CHECK(wiki.value()->accounts().authenticate("Léa", "chat-chien-12-lapin").ok());
  CHECK(wiki.value()->accounts().user_count() == 2);
}

TEST_CASE("serve on an empty wiki creates admin and prints its password once" *
          doctest::timeout(120)) {
  TempDir data;
  std::string password;
  {
    KidwikiProcess first(data.path().string());
    password = first.first_admin_password();
    REQUIRE(!password.empty());
    httplib::Client client("127.0.0.1", first.port());
    nlohmann::json body = {{"username", "admin"}, {"password", password}};
    auto res = client.Post("/api/v1/session", body.dump(), "application/json");
    REQUIRE(res);
    CHECK(res->status == 200);
    CHECK(json_of(res)["user"]["role"] == "admin");
  }
  KidwikiProcess second(data.path().string());
  CHECK_FALSE(has(second.start_lines(), "admin"));
  CHECK_FALSE(has(second.start_lines(), password));
}

TEST_SUITE_END();

namespace {

// "kidwiki_device=ID" from a login answer's Set-Cookie headers, or "".
std::string device_cookie_of(const httplib::Result& res) {
  for (std::size_t i = 0; i < res->get_header_value_count("Set-Cookie"); ++i) {
    const std::string cookie = res->get_header_value("Set-Cookie", i);
    if (cookie.starts_with("kidwiki_device=")) return cookie.substr(0, cookie.find(';'));
  }
  return "";
}

}  // namespace

TEST_CASE("a classmate's wrong guesses lock the classmate's browser, not the pupil's, and the "
          "teacher unlocks the pupil") {
  TestServer server;
  auto teacher = server.login_as("Mme Martin", engine::Role::teacher);
  auto cm1 = server.wiki().classes().create_class(server.actor(teacher.user.id), "CM1", "fr", true);
  REQUIRE(cm1.ok());
  auto lea = server.wiki().classes().add_pupils(server.actor(teacher.user.id), cm1->id, {"Léa"});
  REQUIRE(lea.ok());
  const std::string password = lea->front().password;

  // Léa logged in from her computer last lesson: her browser keeps its device cookie.
  auto first = api_login(server, "Léa", password);
  REQUIRE(first);
  REQUIRE(first->status == 200);
  const std::string lea_device = device_cookie_of(first);
  REQUIRE_FALSE(lea_device.empty());

  // A classmate types Léa's name with wrong passwords, on another computer of the same room.
  auto guess = api_login(server, "Léa", "wrong-guess");
  const std::string classmate_device = device_cookie_of(guess);
  REQUIRE_FALSE(classmate_device.empty());
  CHECK(classmate_device != lea_device);
  for (int i = 0; i < 5; ++i) {
    CHECK(api_login(server, "Léa", "wrong-guess", with_cookie(classmate_device))->status == 401);
  }
  auto told_to_wait = api_login(server, "Léa", password, with_cookie(classmate_device));
  CHECK(told_to_wait->status == 429);  // even with the right password: that browser waits
  // Five more from a second browser lock Léa's account for computers she never used...
  auto other = api_login(server, "Léa", "wrong-guess");
  const std::string other_device = device_cookie_of(other);
  for (int i = 0; i < 4; ++i) api_login(server, "Léa", "wrong-guess", with_cookie(other_device));
  CHECK(api_login(server, "Léa", password)->status == 429);

  // The teacher sees Léa locked for new computers.
  auto teacher_client = server.client_for(teacher);
  const std::string dashboard_path = "/fr/special/class/" + std::to_string(cm1->id);
  auto dashboard = teacher_client->Get(dashboard_path.c_str());
  REQUIRE(dashboard);
  CHECK(has(dashboard->body, "class=\"badge pupil-locked\""));
  auto klass = json_of(teacher_client->Get(("/api/v1/classes/" + std::to_string(cm1->id)).c_str()));
  CHECK(klass["pupils"][0]["locked_seconds"].get<long>() > 0);

  // But not Léa on her own computer: she logs in at once, which forgives the account's failures.
  auto back = api_login(server, "Léa", password, with_cookie(lea_device));
  REQUIRE(back);
  CHECK(back->status == 200);
  CHECK_FALSE(has(teacher_client->Get(dashboard_path.c_str())->body, "class=\"badge pupil-locked\""));

  // Locked again from two more browsers, she is unlocked by her teacher and logs in anywhere.
  for (int browser = 0; browser < 2; ++browser) {
    const std::string device = device_cookie_of(api_login(server, "Léa", "wrong-guess"));
    for (int i = 0; i < 4; ++i) api_login(server, "Léa", "wrong-guess", with_cookie(device));
  }
  CHECK(api_login(server, "Léa", password)->status == 429);
  auto unlocked = teacher_client->Post(
      ("/api/v1/pupils/" + std::to_string(lea->front().user.id) + "/unlock").c_str(), "",
      "application/json");
  REQUIRE(unlocked);
  CHECK(unlocked->status == 200);
  CHECK(api_login(server, "Léa", password)->status == 200);

  // Another teacher may not unlock her; the audit log keeps who did.
  auto stranger = server.client_for(server.login_as("M Durand", engine::Role::teacher));
  CHECK(stranger->Post(("/api/v1/pupils/" + std::to_string(lea->front().user.id) + "/unlock").c_str(),
                       "", "application/json")->status == 403);
}

// The class's offline pack through HTTP (issue 16): the class page's form and
// POST /api/v1/classes/{id}/pack answer a ZIM file to the class's teacher (type, name), and refuse
// a pupil, another teacher and a reader, a pack too large, a page readers cannot see, and a form
// posted without the session's CSRF token.
#include <doctest/doctest.h>

#include "actions/class_pack_download.h"
#include "html_test_util.h"
#include "class_server.h"
#include "test_server.h"

using namespace kidwiki::web::testing;
using nlohmann::json;
namespace engine = kidwiki::engine;

namespace {

struct PackServer : ClassServer {
  PackServer() {
    server.save("en", "Tiger", "Tigers are big cats. They hunt [[Deer]].\n\n[[Category:Cats]]\n");
    server.save("en", "Deer", "Deer eat grass.\n");
  }
  std::string api() { return "/api/v1/classes/" + std::to_string(year5.id) + "/pack"; }
};

std::string en_message(std::string_view id) {
  return kidwiki::i18n::Messages::builtin().format("en", id);
}

bool is_zim(const std::string& body) {
  // A ZIM file starts with its magic number 72173914, little-endian.
  return body.size() > 4 && body.compare(0, 4, std::string("\x5a\x49\x4d\x04", 4)) == 0;
}

}  // namespace

TEST_CASE("the class page's pack form downloads a ZIM file of the chosen pages") {
  PackServer s;
  auto page = s.teacher->Get(s.dashboard().c_str());
  REQUIRE(page->status == 200);
  CHECK(page->body.find("value=\"pack\"") != std::string::npos);
  CHECK(page->body.find(page_msg("en", "offline-pack-download")) != std::string::npos);

  auto pack = post_form(*s.teacher, s.dashboard(), {{"wpAction", "pack"}, {"wpTitles", "Tiger\nDeer"}});
  REQUIRE(pack);
  CHECK(pack->status == 200);
  CHECK(pack->get_header_value("Content-Type") == "application/x-zim");
  // cpp-httplib's client percent-decodes header values: "Year%205.zim" reads "Year 5.zim" here
  // (the browser test checks the name a browser gives the file).
  CHECK(pack->get_header_value("Content-Disposition") ==
        "attachment; filename=\"kidwiki-pack-" + std::to_string(s.year5.id) +
            ".zim\"; filename*=UTF-8''Year 5.zim");
  CHECK(is_zim(pack->body));

  auto by_category = post_form(*s.teacher, s.dashboard(), {{"wpAction", "pack"}, {"wpCategory", "Cats"}});
  REQUIRE(by_category);
  CHECK(by_category->status == 200);
  CHECK(is_zim(by_category->body));

  // The second button: the same pages as a zip of web pages.
  auto zip = post_form(*s.teacher, s.dashboard(),
                       {{"wpAction", "pack"}, {"wpTitles", "Tiger"}, {"wpFormat", "zip"}});
  REQUIRE(zip);
  CHECK(zip->status == 200);
  CHECK(zip->get_header_value("Content-Type") == "application/zip");
  CHECK(zip->body.compare(0, 4, "PK\x03\x04") == 0);
  const std::string folder = "kidwiki-pack-" + std::to_string(s.year5.id) + "/";
  CHECK(zip->body.find(folder + "wiki/Tiger.html") != std::string::npos);
  CHECK(zip->body.find(folder + "wiki/Deer.html") == std::string::npos);
}

TEST_CASE("a pack is refused to others, over its limits, and without the CSRF token") {
  PackServer s;
  const FormFields fields = {{"wpAction", "pack"}, {"wpTitles", "Tiger"}};
  CHECK(post_form(*s.pupil, s.dashboard(), fields)->status == 403);
  CHECK(post_form(*s.other, s.dashboard(), fields)->status == 403);
  CHECK(post_form(s.server.anonymous(), s.dashboard(), fields)->status == 401);

  auto missing = post_form(*s.teacher, s.dashboard(), {{"wpAction", "pack"}, {"wpTitles", "Unicorn"}});
  CHECK(missing->status == 422);
  CHECK(missing->body.find(page_msg("en", "offline-pack-error-missing", {{"title", "Unicorn"}})) !=
        std::string::npos);
  auto nothing = post_form(*s.teacher, s.dashboard(), {{"wpAction", "pack"}});
  CHECK(nothing->status == 400);
  auto too_long = post_form(*s.teacher, s.dashboard(),
                            {{"wpAction", "pack"}, {"wpTitles", std::string(70 * 1024, 'a')}});
  CHECK(too_long->status == 413);

  // The session's cookie without its token: the CSRF gate answers before the handler.
  httplib::Client forged("127.0.0.1", s.server.port());
  forged.set_default_headers({{"Cookie", "kidwiki_session=" + s.teacher_login.token}});
  auto refused = post_form(forged, s.dashboard(), fields);
  REQUIRE(refused);
  CHECK(refused->status == 403);
  CHECK_FALSE(is_zim(refused->body));
}

TEST_CASE("POST /api/v1/classes/{id}/pack answers the ZIM file to the class's teacher only") {
  PackServer s;
  auto pack = s.teacher->Post(s.api().c_str(), json{{"titles", {"Tiger", "Deer"}}}.dump(),
                              "application/json");
  REQUIRE(pack);
  CHECK(pack->status == 200);
  CHECK(pack->get_header_value("Content-Type") == "application/x-zim");
  CHECK(is_zim(pack->body));

  const std::string body = json{{"category", "Cats"}}.dump();
  CHECK(s.other->Post(s.api().c_str(), body, "application/json")->status == 403);
  CHECK(s.pupil->Post(s.api().c_str(), body, "application/json")->status == 403);
  CHECK(s.server.anonymous().Post(s.api().c_str(), body, "application/json")->status == 401);
  auto wrong = s.teacher->Post(s.api().c_str(), json{{"titles", "Tiger"}}.dump(), "application/json");
  CHECK(wrong->status == 400);
  CHECK(error_code_of(wrong) == "invalid_input");
  auto unknown = s.teacher->Post(s.api().c_str(), json{{"titles", {"Unicorn"}}}.dump(),
                                 "application/json");
  CHECK(unknown->status == 422);
  auto zip = s.teacher->Post(s.api().c_str(), json{{"titles", {"Tiger"}}, {"format", "zip"}}.dump(),
                             "application/json");
  REQUIRE(zip);
  CHECK(zip->status == 200);
  CHECK(zip->get_header_value("Content-Type") == "application/zip");
  auto bad_format = s.teacher->Post(s.api().c_str(),
                                    json{{"titles", {"Tiger"}}, {"format", "pdf"}}.dump(),
                                    "application/json");
  CHECK(bad_format->status == 400);
  CHECK(json_of(bad_format)["error"]["message"] == en_message("offline-pack-error-format"));
}

TEST_CASE("while the server makes as many packs as it may, the next teacher is asked to wait") {
  PackServer s;
  // The places the packs of other classes would hold (actions/class_pack_download.h).
  std::vector<std::unique_ptr<kidwiki::web::PackPlace>> others;
  for (int i = 0; i < kidwiki::web::kMaxPacksAtOnce; ++i) {
    others.push_back(std::make_unique<kidwiki::web::PackPlace>());
    REQUIRE(others.back()->taken());
  }
  CHECK_FALSE(kidwiki::web::PackPlace().taken());
  auto busy = s.teacher->Post(s.api().c_str(), json{{"titles", {"Tiger"}}}.dump(), "application/json");
  REQUIRE(busy);
  CHECK(busy->status == 503);
  CHECK(busy->get_header_value("Retry-After") == "60");
  CHECK(json_of(busy)["error"]["message"] == en_message("offline-pack-error-busy"));
  auto form = post_form(*s.teacher, s.dashboard(), {{"wpAction", "pack"}, {"wpTitles", "Tiger"}});
  CHECK(form->status == 503);
  CHECK(form->get_header_value("Retry-After") == "60");
  // A refusal the engine decides comes first: a pupil is told no, not to wait.
  CHECK(post_form(*s.pupil, s.dashboard(), {{"wpAction", "pack"}, {"wpTitles", "Tiger"}})->status == 403);

  others.pop_back();  // one pack is done
  auto made = s.teacher->Post(s.api().c_str(), json{{"titles", {"Tiger"}}}.dump(), "application/json");
  CHECK(made->status == 200);
}

// Pictures over HTTP against a real server: the upload API (raw body and multipart), the answers
// for what is not a picture, the bytes under /media with their caching, a pupil's picture kept
// from readers until it is approved, the file page, and the upload form.
#include <doctest/doctest.h>

#include <fstream>
#include <iterator>

#include "review_fixture.h"
#include "test_server.h"

using namespace kidwiki::web::testing;

namespace {

std::string fixture(const std::string& name) {
  std::ifstream in(std::string(KIDWIKI_SOURCE_DIR) + "/tests/data/images/" + name, std::ios::binary);
  REQUIRE(in);
  return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
}

httplib::Result post_raw(httplib::Client& client, const std::string& path, const std::string& bytes,
                         const std::string& type) {
  return client.Post(path, bytes, type);
}

httplib::Result post_form(httplib::Client& client, const std::string& path,
                          const httplib::MultipartFormDataItems& items) {
  return client.Post(path, items);
}

}  // namespace

TEST_CASE("POST /api/v1/{lang}/files/{name} stores a cleaned picture and GET describes it") {
  TestServer server;
  auto res = post_raw(server.client(), "/api/v1/fr/files/Lion.jpg?confirm=1&description=Un%20lion",
                      fixture("phone.jpg"), "image/jpeg");
  REQUIRE(res);
  CAPTURE(res->body);
  CHECK(res->status == 201);
  auto answer = json_of(res);
  CHECK(answer["name"] == "Lion.jpg");
  CHECK(answer["status"] == "created");
  CHECK(answer["width"].get<int>() > 0);
  CHECK(answer["height"].get<int>() > 0);
  const std::string url = answer["file"]["url"];
  CHECK(url.starts_with("/media/"));

  auto described = server.anonymous().Get("/api/v1/fr/files/Lion.jpg");
  REQUIRE(described);
  CHECK(described->status == 200);
  auto file = json_of(described)["file"];
  CHECK(file["licence"] == "cc-by-sa-4.0");
  CHECK(file["author"] == "Editor");
  CHECK(json_of(described)["markdown"] == "Un lion");

  auto bytes = server.anonymous().Get(url);
  REQUIRE(bytes);
  CHECK(bytes->status == 200);
  CHECK(bytes->get_header_value("Content-Type") == "image/jpeg");
  CHECK(bytes->get_header_value("Cache-Control").find("immutable") != std::string::npos);
  CHECK(bytes->get_header_value("Content-Security-Policy").find("default-src 'self'") !=
        std::string::npos);
  CHECK(bytes->body.find("Exif") == std::string::npos);
  CHECK(bytes->body != fixture("phone.jpg"));

  auto again = server.anonymous().Get(url, {{"If-None-Match", bytes->get_header_value("ETag")}});
  REQUIRE(again);
  CHECK(again->status == 304);

  for (const auto& [size, width] : file["sizes"].items()) {
    CAPTURE(size);
    auto copy = server.anonymous().Get(width.get<std::string>());
    REQUIRE(copy);
    CHECK(copy->status == 200);
    CHECK(copy->get_header_value("Content-Type") == "image/webp");
  }
  CHECK(server.anonymous().Get("/media/" + file["sha256"].get<std::string>() + "/300.webp")->status ==
        404);
  CHECK(server.anonymous().Get("/api/v1/fr/files/Tigre.jpg")->status == 404);
}

TEST_CASE("an upload that is not a picture, too big or unconfirmed gets its status and a kind message") {
  TestServer server;
  struct Case {
    const char* name;
    std::string path;
    std::string bytes;
    std::string type;
    int status;
    const char* code;
  };
  const std::string photo = fixture("phone.jpg");
  const Case cases[] = {
      {"a PDF named .jpg", "/api/v1/fr/files/A.jpg?confirm=1", fixture("pdf-named.jpg"),
       "image/jpeg", 415, "unsupported_type"},
      {"an SVG drawing", "/api/v1/fr/files/A.png?confirm=1", fixture("drawing.svg"), "image/svg+xml",
       415, "unsupported_type"},
      {"a truncated JPEG", "/api/v1/fr/files/A.jpg?confirm=1", photo.substr(0, photo.size() / 2),
       "image/jpeg", 422, "unprocessable"},
      {"no confirmation", "/api/v1/fr/files/A.jpg", photo, "image/jpeg", 400, "invalid_input"},
      {"a name without a picture's ending", "/api/v1/fr/files/A.txt?confirm=1", photo, "image/jpeg",
       400, "invalid_title"},
      {"an empty body", "/api/v1/fr/files/A.jpg?confirm=1", "", "image/jpeg", 400, "invalid_input"},
      {"over 10 MiB", "/api/v1/fr/files/A.jpg?confirm=1", std::string(10 * 1024 * 1024 + 1, 'x'),
       "image/jpeg", 413, "too_large"},
  };
  for (const Case& c : cases) {
    CAPTURE(c.name);
    auto res = post_raw(server.client(), c.path, c.bytes, c.type);
    REQUIRE(res);
    CAPTURE(res->body);
    CHECK(res->status == c.status);
    CHECK(error_code_of(res) == c.code);
    CHECK_FALSE(json_of(res)["error"]["message"].get<std::string>().empty());
  }
  CHECK(server.anonymous().Get("/api/v1/fr/files/A.jpg")->status == 404);
}

TEST_CASE("a pupil's picture is theirs and their teacher's until it is approved") {
  ReviewFixture f;
  httplib::MultipartFormDataItems items = {
      {"file", fixture("phone.jpg"), "photo.jpg", "image/jpeg"},
      {"description", "Mon chat.", "", ""},
      {"confirm", "1", "", ""}};
  auto res = post_form(*f.as_pupil, "/api/v1/fr/files/Chat.jpg", items);
  REQUIRE(res);
  CAPTURE(res->body);
  CHECK(res->status == 201);
  CHECK(json_of(res)["status"] == "pending");
  const std::string url = json_of(res)["file"]["url"];

  CHECK(f.server.anonymous().Get(url)->status == 404);
  CHECK(f.as_other_pupil->Get(url)->status == 404);
  CHECK(f.server.anonymous().Get("/api/v1/fr/files/Chat.jpg")->status == 404);
  auto mine = f.as_pupil->Get(url);
  REQUIRE(mine);
  CHECK(mine->status == 200);
  CHECK(mine->get_header_value("Cache-Control").find("private") != std::string::npos);
  CHECK(f.as_teacher->Get(url)->status == 200);

  const std::int64_t revision = json_of(res)["revision_id"];
  auto approved = f.as_teacher->Post("/api/v1/revisions/" + std::to_string(revision) + "/approve",
                                     "{}", "application/json");
  REQUIRE(approved);
  CHECK(approved->status == 200);
  auto now = f.server.anonymous().Get(url);
  REQUIRE(now);
  CHECK(now->status == 200);
  CHECK(now->get_header_value("Cache-Control").find("public") != std::string::npos);
}

TEST_CASE("the file page shows the picture with its credits and the articles that use it") {
  TestServer server;
  REQUIRE(post_raw(server.client(), "/api/v1/fr/files/Lion.jpg?confirm=1&author=Kim&source=Mon%20jardin&licence=cc0",
                   fixture("phone.jpg"), "image/jpeg")
              ->status == 201);
  server.save("fr", "Savane", "![Un lion](Fichier:Lion.jpg)\n\nLes lions vivent dans la savane.");
  auto page = server.anonymous().Get("/fr/wiki/Fichier:Lion.jpg");
  REQUIRE(page);
  CHECK(page->status == 200);
  const std::string& html = page->body;
  CHECK(html.find("class=\"file-picture\"") != std::string::npos);
  CHECK(html.find("Kim") != std::string::npos);
  CHECK(html.find("Mon jardin") != std::string::npos);
  CHECK(html.find("CC0") != std::string::npos);
  CHECK(html.find("href=\"/fr/wiki/Savane\"") != std::string::npos);

  auto article = server.anonymous().Get("/fr/wiki/Savane");
  REQUIRE(article);
  CHECK(article->body.find("<figure class=\"picture\">") != std::string::npos);
  CHECK(article->body.find("srcset=\"/media/") != std::string::npos);

  server.save("fr", "Jungle", "![Un tigre](Fichier:Tigre.jpg)");
  auto red = server.anonymous().Get("/fr/wiki/Jungle");
  REQUIRE(red);
  CHECK(red->body.find("href=\"/fr/special/upload?title=Tigre.jpg\"") != std::string::npos);
}

TEST_CASE("the upload form asks for a login, then uploads and keeps the text of a refusal") {
  TestServer server;
  auto anonymous = server.anonymous().Get("/fr/special/upload");
  REQUIRE(anonymous);
  CHECK(anonymous->status == 303);  // to the login page, and back
  CHECK(anonymous->get_header_value("Location").find("/fr/special/login") != std::string::npos);

  auto form = server.client().Get("/fr/special/upload?title=Lion.jpg");
  REQUIRE(form);
  CHECK(form->status == 200);
  CHECK(form->body.find("enctype=\"multipart/form-data\"") != std::string::npos);
  CHECK(form->body.find("name=\"confirm\"") != std::string::npos);
  CHECK(form->body.find("value=\"Lion.jpg\"") != std::string::npos);

  httplib::MultipartFormDataItems unconfirmed = {
      {"wpCsrf", server.editor().csrf_token, "", ""},
      {"file", fixture("phone.jpg"), "IMG_0001.jpg", "image/jpeg"},
      {"title", "Lion.jpg", "", ""},
      {"description", "Un lion qui dort au soleil.", "", ""}};
  auto refused = post_form(server.client(), "/fr/special/upload", unconfirmed);
  REQUIRE(refused);
  CHECK(refused->status == 400);
  CHECK(refused->body.find("Un lion qui dort au soleil.") != std::string::npos);
  CHECK(refused->body.find("role=\"alert\"") != std::string::npos);

  unconfirmed.push_back({"confirm", "1", "", ""});
  auto sent = post_form(server.client(), "/fr/special/upload", unconfirmed);
  REQUIRE(sent);
  CHECK(sent->status == 303);
  CHECK(sent->get_header_value("Location").find("/fr/wiki/Fichier:Lion.jpg") != std::string::npos);
}

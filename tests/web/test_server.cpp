#include "test_server.h"

#include <cstdlib>
#include <stdexcept>

#include <doctest/doctest.h>

namespace kidwiki::web::testing {

TempDir::TempDir() {
  std::string pattern = (std::filesystem::temp_directory_path() / "kidwiki-web-XXXXXX").string();
  if (mkdtemp(pattern.data()) == nullptr) throw std::runtime_error("mkdtemp failed");
  path_ = pattern;
}

TempDir::~TempDir() {
  std::error_code ignored;  // a leftover temporary directory is not worth failing a test for
  std::filesystem::remove_all(path_, ignored);
}

TestServer::TestServer(ServerOptions options, bool with_search) {
  engine::Options engine_options;
  engine_options.data_dir = dir_.path();
  engine_options.page_address = page_address;
  engine_options.media_address = media_address;
  // libsodium's lowest argon2id cost: logins in tests take microseconds instead of 0.1 s.
  engine_options.password_ops = 1;
  engine_options.password_memory_bytes = 8192;
  auto wiki = engine::Wiki::open(engine_options);
  if (!wiki) throw std::runtime_error("cannot open wiki: " + wiki.error().message_id);
  wiki_ = std::move(wiki.value());
  if (with_search) {
    search::SearchOptions search_options;
    search_options.data_dir = dir_.path();
    auto opened = search::Search::open(*wiki_, search_options);
    if (!opened) throw std::runtime_error("cannot open search: " + opened.error().message_id);
    search_ = std::move(opened.value());
    // The demo pages: what the program's draining thread does first (open() leaves the rebuild
    // of an empty index to it).
    if (!search_->drain()) throw std::runtime_error("cannot index the demo pages");
  }
  options.bind = "127.0.0.1";
  options.port = 0;
  server_ = std::make_unique<Server>(*wiki_, options, search_.get());
  port_ = server_->bind();
  if (port_ <= 0) throw std::runtime_error("cannot bind a loopback port");
  thread_ = std::thread([this] { server_->listen(); });
  anonymous_ = std::make_unique<httplib::Client>("127.0.0.1", port_);
  anonymous_->set_read_timeout(30, 0);
  editor_ = login_as("Editor", engine::Role::admin);
  client_ = client_for(editor_);
}

TestLogin TestServer::login_as(const std::string& name, engine::Role role,
                               std::optional<std::int64_t> class_id, bool trusted) {
  auto& accounts = wiki_->accounts();
  const engine::Actor console = engine::Actor::console();
  auto user = accounts.create_user(console, name, "a test password", role, class_id);
  if (!user) throw std::runtime_error("cannot create " + name + ": " + user.error().message_id);
  if (trusted) {
    auto marked = wiki_->classes().set_trusted(console, user->id, true);
    if (!marked) throw std::runtime_error("cannot trust " + name + ": " + marked.error().message_id);
    user = *accounts.user(console, user->id);
  }
  auto session = accounts.start_session(user.value());
  if (!session) throw std::runtime_error("cannot log in " + name);
  return TestLogin{user.value(), session->token, session->csrf_token};
}

std::unique_ptr<httplib::Client> TestServer::client_for(const TestLogin& login) {
  auto client = std::make_unique<httplib::Client>("127.0.0.1", port_);
  client->set_read_timeout(30, 0);
  client->set_default_headers({{"Cookie", "kidwiki_session=" + login.token},
                               {"X-CSRF-Token", login.csrf_token}});
  return client;
}

engine::Actor TestServer::actor(std::int64_t user_id) {
  auto found = wiki_->accounts().actor(user_id);
  if (!found) throw std::runtime_error("no actor for account " + std::to_string(user_id));
  return *found;
}

TestServer::~TestServer() {
  server_->stop();
  thread_.join();
}

httplib::Result TestServer::put_page(const std::string& lang, const std::string& url_title,
                                     const std::string& markdown,
                                     std::optional<std::int64_t> base) {
  nlohmann::json body = {{"markdown", markdown},
                         {"summary", "test"},
                         {"base_revision_id", base ? nlohmann::json(*base) : nlohmann::json()}};
  return client_->Put(("/api/v1/" + lang + "/pages/" + url_title).c_str(), body.dump(),
                      "application/json");
}

std::int64_t TestServer::save(const std::string& lang, const std::string& url_title,
                              const std::string& markdown, std::optional<std::int64_t> base) {
  auto res = put_page(lang, url_title, markdown, base);
  REQUIRE(res);
  INFO(res->body);
  REQUIRE((res->status == 200 || res->status == 201));
  return json_of(res).at("revision_id").get<std::int64_t>();
}

void TestServer::index_changes() {
  REQUIRE(search_);
  const auto drained = search_->drain();
  REQUIRE(drained.ok());
}

httplib::Result TestServer::post_json(const std::string& path, const nlohmann::json& body) {
  return client_->Post(path.c_str(), body.dump(), "application/json");
}

nlohmann::json json_of(const httplib::Result& res) {
  if (!res) return nullptr;
  return nlohmann::json::parse(res->body, nullptr, false);
}

void log_in_through_api(httplib::Client& client, const std::string& username,
                        const std::string& password) {
  nlohmann::json body = {{"username", username}, {"password", password}};
  auto res = client.Post("/api/v1/session", body.dump(), "application/json");
  REQUIRE(res);
  REQUIRE(res->status == 200);
  const std::string cookie = res->get_header_value("Set-Cookie");
  client.set_default_headers({{"Cookie", cookie.substr(0, cookie.find(';'))},
                              {"X-CSRF-Token", json_of(res)["csrf_token"].get<std::string>()}});
}

std::string error_code_of(const httplib::Result& res) {
  auto body = json_of(res);
  if (!body.is_object() || !body.contains("error")) return "";
  return body["error"].value("code", "");
}

std::string url_encode(std::string_view text) {
  static constexpr char kHex[] = "0123456789ABCDEF";
  std::string out;
  for (unsigned char c : text) {
    if (std::isalnum(c) || c == '_' || c == '.' || c == '~' || c == '-') {
      out.push_back(static_cast<char>(c));
    } else {
      out += {'%', kHex[c >> 4], kHex[c & 15]};
    }
  }
  return out;
}

}  // namespace kidwiki::web::testing

// A real server on a loopback ephemeral port over a fresh temporary wiki, and a client for it.
// One per test case, so that no test sees another's pages.
#pragma once

#include <filesystem>
#include <memory>
#include <optional>
#include <string>
#include <thread>

#include <httplib.h>
#include <nlohmann/json.hpp>

#include "engine/wiki.h"
#include "search/search.h"
#include "web/server.h"

namespace kidwiki::web::testing {

// A directory under the system's temporary folder, removed with everything in it.
class TempDir {
 public:
  TempDir();
  ~TempDir();
  const std::filesystem::path& path() const { return path_; }

 private:
  std::filesystem::path path_;
};

// A session started for a test account: the cookie and the CSRF token its requests carry.
struct TestLogin {
  engine::User user;
  std::string token;
  std::string csrf_token;
};

class TestServer {
 public:
  // A wiki with its demo editions (fr, en) behind a server with `options` (port forced to 0).
  // With `with_search`, the server also owns a Search over the wiki (no background drainer: a
  // test calls index_changes() after its edits).
  explicit TestServer(ServerOptions options = {}, bool with_search = false);
  ~TestServer();

  // A client logged in as "Editor", an admin: its edits are published at once, as before accounts
  // existed. Every request carries the session cookie and the X-CSRF-Token header.
  httplib::Client& client() { return *client_; }
  // A client without a session: a reader.
  httplib::Client& anonymous() { return *anonymous_; }
  const TestLogin& editor() const { return editor_; }

  // Creates an account (argon2id at its cheapest) and starts a session for it.
  TestLogin login_as(const std::string& name, engine::Role role,
                     std::optional<std::int64_t> class_id = std::nullopt, bool trusted = false);
  // A new client whose requests carry `login`'s cookie and CSRF token.
  std::unique_ptr<httplib::Client> client_for(const TestLogin& login);
  engine::Wiki& wiki() { return *wiki_; }
  // The engine's actor for an account, as its next request would be (role, block).
  engine::Actor actor(std::int64_t user_id);
  // The console: every power, for setting up what a test needs.
  static engine::Actor console() { return engine::Actor::console(); }
  int port() const { return port_; }

  // PUT /api/v1/{lang}/pages/{url_title} with {markdown, summary, base_revision_id}.
  httplib::Result put_page(const std::string& lang, const std::string& url_title,
                           const std::string& markdown, std::optional<std::int64_t> base);
  // As put_page, and checks the save succeeded; returns the new revision id.
  std::int64_t save(const std::string& lang, const std::string& url_title,
                    const std::string& markdown, std::optional<std::int64_t> base = {});
  httplib::Result post_json(const std::string& path, const nlohmann::json& body);
  // Indexes every change saved so far. Precondition: constructed with_search.
  void index_changes();

 private:
  TempDir dir_;
  std::unique_ptr<engine::Wiki> wiki_;
  std::unique_ptr<search::Search> search_;  // destroyed after the server that uses it
  std::unique_ptr<Server> server_;
  std::thread thread_;
  int port_ = -1;
  std::unique_ptr<httplib::Client> client_;
  std::unique_ptr<httplib::Client> anonymous_;
  TestLogin editor_;
};

// The body of `res` as JSON (a null value when it is not JSON).
nlohmann::json json_of(const httplib::Result& res);

// Logs `client` in through the API (POST /api/v1/session), as a script would against a real
// server: its later requests carry the session's cookie and CSRF token.
void log_in_through_api(httplib::Client& client, const std::string& username,
                        const std::string& password);

// "invalid_input" from {"error":{"code":"invalid_input",...}}, or "" when absent.
std::string error_code_of(const httplib::Result& res);

// Percent-encodes every byte outside [A-Za-z0-9_.~-], as a careful client would.
std::string url_encode(std::string_view text);

}  // namespace kidwiki::web::testing

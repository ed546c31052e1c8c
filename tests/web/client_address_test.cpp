// The address per-address limits count: the TCP peer's, or a trusted proxy's header, only when
// the server was told to trust it and the request comes from loopback (the local proxy).
#include <doctest/doctest.h>

#include "http/access.h"
#include "test_server.h"

using namespace kidwiki::web;
using namespace kidwiki::web::testing;

TEST_CASE("client_address: the header counts only with --trust-proxy and from loopback") {
  struct Row {
    const char* case_name;
    std::string trusted_header, peer, header_value, expected;
  };
  const Row rows[] = {
      {"no option: the header is ignored", "", "127.0.0.1", "203.0.113.5", "127.0.0.1"},
      {"option, loopback peer", "X-Real-IP", "127.0.0.1", "203.0.113.5", "203.0.113.5"},
      {"option, IPv6 loopback", "X-Real-IP", "::1", "2001:db8::7", "2001:db8::7"},
      {"option, but a remote peer forges it", "X-Real-IP", "198.51.100.9", "203.0.113.5",
       "198.51.100.9"},
      {"option, no header", "X-Real-IP", "127.0.0.1", "", "127.0.0.1"},
      {"a list: the proxy's own entry, last", "X-Real-IP", "127.0.0.1", "10.0.0.1, 203.0.113.5",
       "203.0.113.5"},
      {"too long to be an address", "X-Real-IP", "127.0.0.1", std::string(100, '1'), "127.0.0.1"},
  };
  for (const auto& row : rows) {
    CAPTURE(row.case_name);
    ServerOptions options;
    options.trust_proxy_header = row.trusted_header;
    httplib::Request req;
    req.remote_addr = row.peer;
    if (!row.header_value.empty()) req.set_header("X-Real-IP", row.header_value);
    CHECK(client_address(req, options) == row.expected);
  }
}

namespace {

// Reports sent by readers from loopback, each claiming the address `addresses[i]`; how many were
// accepted.
int reports_accepted(TestServer& server, const std::vector<std::string>& addresses) {
  int accepted = 0;
  for (const auto& address : addresses) {
    auto res = server.anonymous().Post("/api/v1/fr/pages/Chat/report", {{"X-Real-IP", address}},
                                       R"({"reason":"spam"})", "application/json");
    REQUIRE(res);
    if (res->status == 201) ++accepted;
  }
  return accepted;
}

std::vector<std::string> eight_schools() {
  std::vector<std::string> addresses;
  for (int i = 1; i <= 8; ++i) addresses.push_back("203.0.113." + std::to_string(i));
  return addresses;
}

}  // namespace

TEST_CASE("without --trust-proxy, readers behind one address share the report limit") {
  TestServer server;
  server.save("fr", "Chat", "Le chat dort.");
  CHECK(reports_accepted(server, eight_schools()) == 5);
}

TEST_CASE("with --trust-proxy X-Real-IP, each reader's own address has its own limits") {
  ServerOptions options;
  options.trust_proxy_header = "X-Real-IP";
  TestServer server(options);
  server.save("fr", "Chat", "Le chat dort.");
  CHECK(reports_accepted(server, eight_schools()) == 8);
  CHECK(reports_accepted(server, std::vector<std::string>(6, "203.0.113.1")) == 4);
  CHECK(reports_accepted(server, std::vector<std::string>(6, "198.51.100.1")) == 5);
}

TEST_CASE("with --trust-proxy, readers' edits are counted per forwarded address") {
  ServerOptions options;
  options.trust_proxy_header = "X-Real-IP";
  options.edit_limits.reader_saves = 1;
  TestServer server(options);
  const std::int64_t tiger = server.save("en", "Tiger", "Tigers are big cats.");
  const std::int64_t quokka = server.save("en", "Quokka", "Quokkas are small marsupials.");
  nlohmann::json on = {{"anonymous_editing", true}};
  REQUIRE(server.client().Put("/api/v1/en/settings", on.dump(), "application/json")->status == 200);
  auto edit = [&](const std::string& address, const std::string& page, std::int64_t base) {
    nlohmann::json body = {{"markdown", page + ", as " + address + " says"}, {"base_revision_id", base}};
    auto res = server.anonymous().Put(("/api/v1/en/pages/" + page).c_str(),
                                      {{"X-Real-IP", address}}, body.dump(), "application/json");
    REQUIRE(res);
    return res->status;
  };
  CHECK(edit("203.0.113.1", "Tiger", tiger) == 200);
  CHECK(edit("203.0.113.1", "Quokka", quokka) == 429);
  CHECK(edit("203.0.113.2", "Quokka", quokka) == 200);
}

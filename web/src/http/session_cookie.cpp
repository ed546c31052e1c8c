#include "http/session_cookie.h"

#include <algorithm>
#include <cstdint>
#include <cstdio>
#include <random>

namespace kidwiki::web {
namespace {

std::string_view trim(std::string_view text) {
  while (!text.empty() && (text.front() == ' ' || text.front() == '\t')) text.remove_prefix(1);
  while (!text.empty() && (text.back() == ' ' || text.back() == '\t')) text.remove_suffix(1);
  return text;
}

// The value of `name` in one Cookie header ("a=1; kidwiki_session=xyz"), if present.
std::optional<std::string> cookie_in(std::string_view header, std::string_view name) {
  while (!header.empty()) {
    const auto end = header.find(';');
    const std::string_view pair = trim(header.substr(0, end));
    const auto eq = pair.find('=');
    if (eq != std::string_view::npos && trim(pair.substr(0, eq)) == name) {
      return std::string(trim(pair.substr(eq + 1)));
    }
    if (end == std::string_view::npos) break;
    header.remove_prefix(end + 1);
  }
  return std::nullopt;
}

// Why trust this header: it only decides whether to add Secure, which a forged value can only
// make stricter or, on a plain-HTTP deployment, make the browser drop the cookie.
bool through_tls_proxy(const httplib::Request& req) {
  return req.get_header_value("X-Forwarded-Proto") == "https";
}

std::string cookie_attributes(const httplib::Request& req, long max_age) {
  std::string out = "; Max-Age=" + std::to_string(max_age) + "; Path=/; HttpOnly; SameSite=Lax";
  if (through_tls_proxy(req)) out += "; Secure";
  return out;
}

}  // namespace

std::string session_token(const httplib::Request& req) {
  const std::size_t count = req.get_header_value_count("Cookie");
  for (std::size_t i = 0; i < count; ++i) {
    if (auto value = cookie_in(req.get_header_value("Cookie", i), kSessionCookie)) return *value;
  }
  return {};
}

std::optional<engine::SessionInfo> current_session(const httplib::Request& req, WebContext& ctx) {
  const std::string token = session_token(req);
  if (token.empty()) return std::nullopt;
  return ctx.wiki.accounts().session(token);
}

long seconds_until(std::string_view expires_at, std::time_t now) {
  std::tm tm{};
  char zone = 0;
  const std::string text(expires_at);
  if (std::sscanf(text.c_str(), "%4d-%2d-%2dT%2d:%2d:%2d%c", &tm.tm_year, &tm.tm_mon, &tm.tm_mday,
                  &tm.tm_hour, &tm.tm_min, &tm.tm_sec, &zone) != 7 ||
      zone != 'Z') {
    return 0;
  }
  tm.tm_year -= 1900;
  tm.tm_mon -= 1;
  const std::time_t at = timegm(&tm);
  return at > now ? static_cast<long>(at - now) : 0;
}

std::string session_set_cookie(const httplib::Request& req, const engine::NewSession& session) {
  const long max_age = seconds_until(session.expires_at, std::time(nullptr));
  return std::string(kSessionCookie) + "=" + session.token + cookie_attributes(req, max_age);
}

std::string logout_set_cookie(const httplib::Request& req) {
  return std::string(kSessionCookie) + "=" + cookie_attributes(req, 0);
}

std::string device_id(const httplib::Request& req) {
  const std::size_t count = req.get_header_value_count("Cookie");
  for (std::size_t i = 0; i < count; ++i) {
    auto value = cookie_in(req.get_header_value("Cookie", i), kDeviceCookie);
    if (!value) continue;
    const bool well_formed = value->size() == 32 && std::all_of(value->begin(), value->end(), [](char c) {
      return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f');
    });
    return well_formed ? *value : std::string();
  }
  return {};
}

std::string new_device_id() {
  // std::random_device reads the kernel's generator: an id nobody can guess from another's.
  std::random_device random;
  static constexpr char kHex[] = "0123456789abcdef";
  std::string id;
  for (int i = 0; i < 4; ++i) {
    std::uint32_t bits = random();
    for (int j = 0; j < 8; ++j, bits >>= 4) id += kHex[bits & 0xF];
  }
  return id;
}

std::string device_set_cookie(const httplib::Request& req, const std::string& id) {
  constexpr long kYear = 365L * 24 * 3600;
  return std::string(kDeviceCookie) + "=" + id + cookie_attributes(req, kYear);
}

bool csrf_matches(const engine::SessionInfo& session, std::string_view given) {
  const std::string& expected = session.csrf_token;
  if (expected.empty() || given.size() != expected.size()) return false;
  unsigned char diff = 0;
  for (std::size_t i = 0; i < given.size(); ++i) {
    diff |= static_cast<unsigned char>(given[i] ^ expected[i]);
  }
  return diff == 0;
}

}  // namespace kidwiki::web

#include "http/same_origin.h"

#include <algorithm>
#include <cctype>
#include <string>

namespace kidwiki::web {
namespace {

std::string lower(std::string_view text) {
  std::string out(text);
  std::transform(out.begin(), out.end(), out.begin(),
                 [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  return out;
}

// "example.org:443" for https is "example.org": a browser leaves the default port out of
// Origin, and a proxy may or may not leave it in Host.
std::string without_default_port(std::string authority, std::string_view scheme) {
  const std::string_view port = scheme == "https" ? ":443" : ":80";
  if (authority.size() > port.size() &&
      authority.compare(authority.size() - port.size(), port.size(), port) == 0) {
    authority.resize(authority.size() - port.size());
  }
  return authority;
}

// The scheme and authority of an absolute http(s) URL, or empty scheme when it is not one.
std::pair<std::string, std::string> scheme_and_authority(std::string_view url) {
  const std::size_t colon = url.find("://");
  if (colon == std::string_view::npos) return {};
  std::string scheme = lower(url.substr(0, colon));
  if (scheme != "http" && scheme != "https") return {};
  std::string_view rest = url.substr(colon + 3);
  rest = rest.substr(0, rest.find_first_of("/?#"));
  if (rest.empty() || rest.find('@') != std::string_view::npos) return {};
  return {scheme, without_default_port(lower(rest), scheme)};
}

}  // namespace

bool is_same_origin(std::string_view origin, std::string_view referer, std::string_view host) {
  const std::string_view source = origin.empty() ? referer : origin;
  if (source.empty()) return true;
  const auto [scheme, authority] = scheme_and_authority(source);
  if (scheme.empty() || host.empty()) return false;
  // Behind a TLS proxy kidwiki sees plain HTTP, so only the authority is compared; its default
  // port is dropped on both sides for either scheme.
  return authority == without_default_port(without_default_port(lower(host), "http"), "https");
}

}  // namespace kidwiki::web

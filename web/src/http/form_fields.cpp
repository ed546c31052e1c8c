#include "http/form_fields.h"

#include <algorithm>
#include <string_view>

namespace kidwiki::web {

std::string form_field(const httplib::Request& req, const std::string& name) {
  if (req.has_file(name)) return req.get_file_value(name).content;
  return req.get_param_value(name);
}

std::vector<std::string> form_field_values(const httplib::Request& req, const std::string& name) {
  std::vector<std::string> values;
  if (req.has_file(name)) {
    const auto [first, last] = req.files.equal_range(name);
    for (auto it = first; it != last; ++it) values.push_back(it->second.content);
    return values;
  }
  const auto [first, last] = req.params.equal_range(name);
  for (auto it = first; it != last; ++it) values.push_back(it->second);
  return values;
}

std::string body_field(const httplib::Request& req, const std::string& name) {
  if (req.has_file(name)) return req.get_file_value(name).content;
  if (!req.get_header_value("Content-Type").starts_with("application/x-www-form-urlencoded")) {
    return {};
  }
  std::string_view rest = req.body;
  while (!rest.empty()) {
    const std::string_view pair = rest.substr(0, rest.find('&'));
    rest.remove_prefix(std::min(rest.size(), pair.size() + 1));
    const std::size_t equals = pair.find('=');
    if (httplib::detail::decode_url(std::string(pair.substr(0, equals)), true) != name) continue;
    if (equals == std::string_view::npos) return {};
    return httplib::detail::decode_url(std::string(pair.substr(equals + 1)), true);
  }
  return {};
}

bool has_form_field(const httplib::Request& req, const std::string& name) {
  return req.has_file(name) || req.has_param(name);
}

}  // namespace kidwiki::web

#include "html_form.h"

#include <charconv>

namespace kidwiki::web {

std::string form_field(const httplib::Request& req, const std::string& name) {
  if (req.has_file(name)) return req.get_file_value(name).content;
  return req.get_param_value(name);
}

bool has_form_field(const httplib::Request& req, const std::string& name) {
  return req.has_file(name) || req.has_param(name);
}

std::optional<std::int64_t> parse_revision_id(const std::string& text) {
  std::int64_t value = 0;
  const char* end = text.data() + text.size();
  const auto [ptr, ec] = std::from_chars(text.data(), end, value);
  if (text.empty() || ec != std::errc() || ptr != end || value <= 0) return std::nullopt;
  return value;
}

}  // namespace kidwiki::web

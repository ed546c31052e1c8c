#include "http/router.h"

#include <stdexcept>

#include "http/form_fields.h"
#include "http/url_path.h"

namespace kidwiki::web {

namespace {

std::string_view join_raw(const std::vector<std::string_view>& segments, std::size_t first,
                          std::size_t last) {
  // Segments are views into one path, so the run [first, last) is itself a contiguous view.
  const char* begin = segments[first].data();
  const char* end = segments[last - 1].data() + segments[last - 1].size();
  return std::string_view(begin, static_cast<std::size_t>(end - begin));
}

bool method_matches(std::string_view route_method, std::string_view request_method) {
  return route_method == request_method || (route_method == "GET" && request_method == "HEAD");
}

}  // namespace

void Router::add(std::string method, std::string_view pattern, Handler handler) {
  Route route{std::move(method), {}, std::nullopt, handler};
  if (const auto query = pattern.find('?'); query != std::string_view::npos) {
    const std::string_view selector = pattern.substr(query + 1);
    const auto equals = selector.find('=');
    route.selector = Selector{std::string(selector.substr(0, equals)), std::nullopt};
    if (equals != std::string_view::npos) {
      route.selector->value = std::string(selector.substr(equals + 1));
    }
    pattern = pattern.substr(0, query);
  }
  for (std::string_view segment : split_path(pattern)) {
    if (segment.size() > 5 && segment.front() == '{' && segment.ends_with("...}")) {
      route.parts.push_back({Part::Kind::rest, std::string(segment.substr(1, segment.size() - 5))});
    } else if (segment.size() > 2 && segment.front() == '{' && segment.back() == '}') {
      route.parts.push_back({Part::Kind::param, std::string(segment.substr(1, segment.size() - 2))});
    } else {
      route.parts.push_back({Part::Kind::literal, std::string(segment)});
    }
  }
  if (route.parts.empty()) throw std::logic_error("route pattern must start with '/'");
  routes_.push_back(std::move(route));
}

bool Router::match(const Route& route, const std::vector<std::string_view>& segments,
                   std::map<std::string, std::string_view, std::less<>>& raw) {
  const auto& parts = route.parts;
  std::size_t s = 0;
  for (std::size_t p = 0; p < parts.size(); ++p) {
    const Part& part = parts[p];
    if (part.kind == Part::Kind::rest) {
      std::size_t after = parts.size() - p - 1;
      if (segments.size() < s + 1 + after) return false;
      std::size_t end = segments.size() - after;
      raw[part.text] = join_raw(segments, s, end);
      s = end;
      continue;
    }
    if (s >= segments.size()) return false;
    if (part.kind == Part::Kind::literal && segments[s] != part.text) return false;
    if (part.kind == Part::Kind::param) raw[part.text] = segments[s];
    ++s;
  }
  if (s != segments.size()) return false;
  for (const auto& [name, value] : raw) {
    if (value.empty()) return false;
  }
  return true;
}

bool Router::selector_matches(const Selector& selector, const httplib::Request& req) {
  if (!has_form_field(req, selector.field)) return false;
  return !selector.value || form_field(req, selector.field) == *selector.value;
}

std::variant<Router::Match, RouteOutcome> Router::find(const httplib::Request& req) const {
  const auto segments = split_path(target_path(req.target));
  bool path_known = false;
  for (const Route& route : routes_) {
    std::map<std::string, std::string_view, std::less<>> raw;
    if (!match(route, segments, raw)) continue;
    path_known = true;
    if (!method_matches(route.method, req.method)) continue;
    if (route.selector && !selector_matches(*route.selector, req)) continue;
    Match found{route.handler, {}};
    for (const auto& [name, value] : raw) {
      auto decoded = decode_path_segment(value);
      if (!decoded) return RouteOutcome::bad_path;
      found.params.emplace(name, std::move(*decoded));
    }
    return found;
  }
  return path_known ? RouteOutcome::method_not_allowed : RouteOutcome::not_found;
}

}  // namespace kidwiki::web

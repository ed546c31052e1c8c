// Matches a request's method, raw path and query against route patterns.
//
// A pattern is a path of segments: "/api/v1/{lang}/pages/{title}/history". A literal segment
// matches itself (undecoded); "{name}" matches one segment; "{name...}" matches one or more
// segments joined by '/', and may appear once per pattern. Captures are percent-decoded exactly
// once and are valid UTF-8. A pattern may end with a selector on a request field (the URL's query,
// or an HTML form's field): "?action=edit" needs the field to have that value, "?diff" needs it to
// be present. Routes are tried in the order they were added; the first match wins, so a route
// with a selector comes before the same path without one.
#pragma once

#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <variant>
#include <vector>

#include <httplib.h>

namespace kidwiki::web {

struct Call;  // http/call.h
using Handler = void (*)(const Call&);
using PathParams = std::map<std::string, std::string, std::less<>>;

enum class RouteOutcome {
  bad_path,            // a route matched but a capture is malformed or not UTF-8
  method_not_allowed,  // the path matches only routes of other methods
  not_found            // no route matches the path
};

class Router {
 public:
  struct Match {
    Handler handler;
    PathParams params;
  };

  // `method` is "GET", "POST", ...; GET routes also answer HEAD. Throws std::logic_error for a
  // malformed pattern (a programming error).
  void add(std::string method, std::string_view pattern, Handler handler);

  // The first route that matches, with its decoded captures; otherwise why none does.
  std::variant<Match, RouteOutcome> find(const httplib::Request& req) const;

 private:
  struct Part {
    enum class Kind { literal, param, rest } kind;
    std::string text;  // the literal, or the parameter's name
  };
  struct Selector {
    std::string field;
    std::optional<std::string> value;  // empty: the field is present, whatever its value
  };
  struct Route {
    std::string method;
    std::vector<Part> parts;
    std::optional<Selector> selector;
    Handler handler;
  };

  // Raw captures of `route` for `segments`, or false when the shape does not match.
  static bool match(const Route& route, const std::vector<std::string_view>& segments,
                    std::map<std::string, std::string_view, std::less<>>& raw);
  static bool selector_matches(const Selector& selector, const httplib::Request& req);

  std::vector<Route> routes_;
};

}  // namespace kidwiki::web

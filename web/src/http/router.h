// Matches a request's method and raw path against route patterns and calls the route's handler.
//
// A pattern is a path of segments: "/api/v1/{lang}/pages/{title}/history". A literal segment
// matches itself (undecoded); "{name}" matches one segment; "{name...}" matches one or more
// segments joined by '/', and may appear once per pattern. Captures are percent-decoded exactly
// once and are valid UTF-8. Routes are tried in the order they were added; the first match wins.
#pragma once

#include <functional>
#include <map>
#include <string>
#include <string_view>
#include <vector>

#include <httplib.h>

namespace kidwiki::web {

using PathParams = std::map<std::string, std::string, std::less<>>;
using RouteHandler =
    std::function<void(const httplib::Request&, httplib::Response&, const PathParams&)>;

enum class RouteOutcome {
  handled,             // a handler answered
  bad_path,            // a route matched but a capture is malformed or not UTF-8
  method_not_allowed,  // the path matches only routes of other methods
  not_found            // no route matches the path
};

class Router {
 public:
  // `method` is "GET", "POST", ...; GET routes also answer HEAD.
  void add(std::string method, std::string_view pattern, RouteHandler handler);

  // Calls the first matching handler; otherwise says why none was called (nothing answered).
  RouteOutcome dispatch(const httplib::Request& req, httplib::Response& res) const;

 private:
  struct Part {
    enum class Kind { literal, param, rest } kind;
    std::string text;  // the literal, or the parameter's name
  };
  struct Route {
    std::string method;
    std::vector<Part> parts;
    RouteHandler handler;
  };

  // Raw captures of `route` for `segments`, or false when the shape does not match.
  static bool match(const Route& route, const std::vector<std::string_view>& segments,
                    std::map<std::string, std::string_view, std::less<>>& raw);

  std::vector<Route> routes_;
};

}  // namespace kidwiki::web

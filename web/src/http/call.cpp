#include "http/call.h"

#include <stdexcept>

namespace kidwiki::web {

const std::string& Call::param(std::string_view name) const {
  auto it = params.find(name);
  if (it == params.end()) throw std::logic_error("route has no capture " + std::string(name));
  return it->second;
}

}  // namespace kidwiki::web

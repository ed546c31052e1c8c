#include "api/api_editions.h"
#include "http/call.h"

#include <nlohmann/json.hpp>

#include "api/api_response.h"

namespace kidwiki::web {

void api_editions(const Call& call) {
  httplib::Response& res = call.res;
  WebContext& ctx = call.web;
  nlohmann::json editions = nlohmann::json::array();
  for (const auto& edition : ctx.wiki.editions()) {
    editions.push_back({{"lang", edition.lang},
                        {"name", edition.name},
                        {"dir", edition.dir},
                        {"main_page", edition.main_page}});
  }
  send_json(res, 200, {{"editions", std::move(editions)}});
}

}  // namespace kidwiki::web

#include "api_editions.h"

#include <nlohmann/json.hpp>

#include "api_response.h"

namespace kidwiki::web {

void api_editions(const httplib::Request&, httplib::Response& res, WebContext& ctx) {
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

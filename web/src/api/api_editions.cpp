#include "api/api_editions.h"
#include "http/call.h"

#include <nlohmann/json.hpp>

#include "api/api_response.h"
#include "http/access.h"
#include "http/json_body.h"

namespace kidwiki::web {
namespace {

nlohmann::json edition_json(const engine::Edition& edition) {
  return {{"lang", edition.lang},
          {"name", edition.name},
          {"dir", edition.dir},
          {"main_page", edition.main_page},
          {"namespaces",
           {{"talk", edition.names.talk},
            {"category", edition.names.category},
            {"file", edition.names.file}}}};
}

// The optional fields of a new edition; each empty one is the language's default.
engine::Result<engine::NewEdition> new_edition(const nlohmann::json& body, std::string lang) {
  engine::NewEdition request{.lang = std::move(lang)};
  const std::pair<const char*, std::string*> fields[] = {
      {"name", &request.name},
      {"main_page", &request.main_page},
      {"talk_name", &request.talk_name},
      {"category_name", &request.category_name},
      {"file_name", &request.file_name}};
  for (const auto& [name, target] : fields) {
    auto value = optional_string_field(body, name, "");
    if (!value) return value.error();
    *target = std::move(value).value();
  }
  return request;
}

}  // namespace

void api_editions(const Call& call) {
  nlohmann::json editions = nlohmann::json::array();
  for (const auto& edition : call.web.wiki.editions()) editions.push_back(edition_json(edition));
  send_json(call.res, 200, {{"editions", std::move(editions)}});
}

void api_edition_create(const Call& call) {
  const httplib::Request& req = call.req;
  httplib::Response& res = call.res;
  auto caller = require(req, res, call.web, engine::Action::configure_edition);
  if (!caller) return;
  auto body = parse_json_object(req);
  if (!body) return send_api_error(req, res, body.error(), nullptr);
  auto request = new_edition(body.value(), call.param("code"));
  if (!request) return send_api_error(req, res, request.error(), nullptr);
  auto created = call.web.wiki.create_edition(caller->actor, request.value());
  if (!created) return send_api_error(req, res, created.error(), nullptr);
  send_json(res, 201, {{"edition", edition_json(created.value())}});
}

}  // namespace kidwiki::web

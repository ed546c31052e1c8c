#include "api/api_response.h"

#include "http/error_status.h"
#include "http/request_language.h"

namespace kidwiki::web {

void send_json(httplib::Response& res, int status, const nlohmann::json& body) {
  res.status = status;
  res.set_content(body.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace),
                  "application/json; charset=utf-8");
}

void send_api_error(const httplib::Request& req, httplib::Response& res,
                    const engine::Error& error, const engine::Edition* edition) {
  send_json_error(res, error, interface_language(req, edition));
}

}  // namespace kidwiki::web

// How the JSON API answers: a JSON body with a status, or an error object in the reader's
// language.
#pragma once

#include <httplib.h>
#include <nlohmann/json.hpp>

#include "engine/result.h"
#include "engine/wiki.h"

namespace kidwiki::web {

// Answers `body` with `status`. Text the wiki stored is sent as is; bytes that are not UTF-8
// (which the engine never stores) would be replaced rather than fail the answer.
void send_json(httplib::Response& res, int status, const nlohmann::json& body);

// Answers `error` (see error_status.h) in the interface language of `req` for `edition`
// (nullptr when the request names no edition).
void send_api_error(const httplib::Request& req, httplib::Response& res,
                    const engine::Error& error, const engine::Edition* edition);

}  // namespace kidwiki::web

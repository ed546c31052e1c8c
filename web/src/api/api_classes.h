// The JSON API of classes (docs/api.md, "Classes"): a teacher's classes, their pupils, and what a
// teacher does to them. Who may: engine::Action::manage_class (teachers and admins), and a teacher
// only for their own classes and pupils (403 otherwise); the engine checks the scope again.
// Answers that carry passwords are never cached (Cache-Control: no-store).
#pragma once

#include <cstdint>
#include <string>

#include <httplib.h>

#include "access.h"
#include "engine/classes.h"
#include "web_context.h"

namespace kidwiki::web {

// POST /api/v1/classes {name, lang, review_required?}: 201 with the class.
void api_classes_create(const httplib::Request& req, httplib::Response& res, WebContext& ctx);
// GET /api/v1/classes: {classes: [...]}, the caller's own (every class for an admin).
void api_classes_list(const httplib::Request& req, httplib::Response& res, WebContext& ctx);
// GET /api/v1/classes/{id}: {class, pupils: [{id, username, trusted, disabled}]}.
void api_class_get(const httplib::Request& req, httplib::Response& res, WebContext& ctx,
                   const std::string& raw_id);
// POST /api/v1/classes/{id}/pupils {names: [...]} or {count: N}: 201 {pupils: [{id, username,
// password}]}, the only time these passwords are shown.
void api_class_add_pupils(const httplib::Request& req, httplib::Response& res, WebContext& ctx,
                          const std::string& raw_id);
// POST /api/v1/classes/{id}/archive {archived}: the class.
void api_class_archive(const httplib::Request& req, httplib::Response& res, WebContext& ctx,
                       const std::string& raw_id);
// POST /api/v1/pupils/{id}/password: {id, username, password}.
void api_pupil_password(const httplib::Request& req, httplib::Response& res, WebContext& ctx,
                        const std::string& raw_id);
// POST /api/v1/pupils/{id}/trusted {trusted} and /disabled {disabled}: the pupil.
void api_pupil_trusted(const httplib::Request& req, httplib::Response& res, WebContext& ctx,
                       const std::string& raw_id);
void api_pupil_disabled(const httplib::Request& req, httplib::Response& res, WebContext& ctx,
                        const std::string& raw_id);

// Shared with the HTML pages of classes.

// The class of a path segment's id as the engine gives it to `caller` (Classes::get):
// invalid_input first when it is not an id.
engine::Result<engine::SchoolClass> class_from_path(WebContext& ctx, const Caller& caller,
                                                    const std::string& raw_id);
// A pupil's name the engine refused (an error with arg "name") as one message that names it,
// formatted in `lang`: "“Tom 06…” cannot be used: <the reason>". Other errors are returned as is.
engine::Error name_refusal(const engine::Error& error, const std::string& lang);

}  // namespace kidwiki::web

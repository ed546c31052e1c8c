#include "api/api_classes.h"
#include "http/login_attempt.h"
#include "actions/class_actions.h"
#include "actions/class_pack_download.h"
#include "actions/lesson_window_input.h"
#include "http/call.h"

#include "api/api_response.h"
#include "http/json_body.h"
#include "http/query_params.h"
#include "http/request_language.h"

namespace kidwiki::web {
namespace {

using nlohmann::json;

json class_json(const engine::SchoolClass& c) {
  return {{"id", c.id},
          {"name", c.name},
          {"lang", c.lang},
          {"review_required", c.review_required},
          {"archived", c.archived},
          {"created_at", c.created_at},
          {"teacher", {{"id", c.teacher_id}, {"username", c.teacher_name}}}};
}

json pupil_json(const engine::User& u) {
  return {{"id", u.id}, {"username", u.name}, {"trusted", u.trusted}, {"disabled", u.disabled}};
}

json credentials_json(const engine::Credentials& c) {
  return {{"id", c.user.id}, {"username", c.user.name}, {"password", c.password}};
}

// {names: [strings]} or {count: N}, exactly one of them.
engine::Result<std::vector<std::string>> names_field(const json& body) {
  const auto& names = body.at("names");
  std::vector<std::string> out;
  if (!names.is_array()) {
    return engine::make_error(engine::ErrorCode::invalid_input, "classes-error-names-list");
  }
  for (const auto& name : names) {
    if (!name.is_string()) {
      return engine::make_error(engine::ErrorCode::invalid_input, "classes-error-names-list");
    }
    out.push_back(name.get<std::string>());
  }
  return out;
}

engine::Result<std::vector<engine::Credentials>> add_from_body(WebContext& ctx,
                                                               const engine::Actor& actor,
                                                               std::int64_t class_id,
                                                               const json& body) {
  if (body.contains("names") == body.contains("count")) {
    return engine::make_error(engine::ErrorCode::invalid_input, "classes-error-names-or-count");
  }
  if (body.contains("count")) {
    auto count = integer_field(body, "count");
    if (!count) return count.error();
    const auto n = std::clamp<std::int64_t>(count.value(), -1, engine::kMaxPupilsPerRequest + 1);
    return ctx.wiki.classes().add_generated_pupils(actor, class_id, static_cast<int>(n));
  }
  auto names = names_field(body);
  if (!names) return names.error();
  return ctx.wiki.classes().add_pupils(actor, class_id, names.value());
}

// A pupil after a change, as the API shows it.
void send_pupil(const httplib::Request& req, httplib::Response& res, WebContext& ctx,
                const engine::Actor& actor, std::int64_t id) {
  auto user = ctx.wiki.accounts().user(actor, id);
  if (!user) {
    return send_api_error(req, res, engine::make_error(engine::ErrorCode::not_found,
                                                       "error-pupil-not-found"), nullptr);
  }
  send_json(res, 200, pupil_json(*user));
}

using PupilFlag = engine::Status (engine::Classes::*)(const engine::Actor&, std::int64_t, bool);

void set_pupil_flag(const httplib::Request& req, httplib::Response& res, WebContext& ctx,
                    const std::string& raw_id, const char* field, PupilFlag setter) {
  auto caller = require(req, res, ctx, engine::Action::manage_class);
  if (!caller) return;
  auto id = path_id(raw_id);
  if (!id) return send_api_error(req, res, id.error(), nullptr);
  auto body = parse_json_object(req);
  if (!body) return send_api_error(req, res, body.error(), nullptr);
  auto value = bool_field(body.value(), field);
  if (!value) return send_api_error(req, res, value.error(), nullptr);
  auto done = (ctx.wiki.classes().*setter)(caller->actor, id.value(), value.value());
  if (!done) return send_api_error(req, res, done.error(), nullptr);
  send_pupil(req, res, ctx, caller->actor, id.value());
}

}  // namespace

void api_classes_create(const Call& call) {
  const httplib::Request& req = call.req;
  httplib::Response& res = call.res;
  WebContext& ctx = call.web;
  auto caller = require(req, res, ctx, engine::Action::manage_class);
  if (!caller) return;
  auto body = parse_json_object(req);
  if (!body) return send_api_error(req, res, body.error(), nullptr);
  auto name = string_field(body.value(), "name");
  if (!name) return send_api_error(req, res, name.error(), nullptr);
  auto lang = string_field(body.value(), "lang");
  if (!lang) return send_api_error(req, res, lang.error(), nullptr);
  auto review = optional_bool_field(body.value(), "review_required", true);
  if (!review) return send_api_error(req, res, review.error(), nullptr);
  auto made = ctx.wiki.classes().create_class(caller->actor, name.value(), lang.value(),
                                              review.value());
  if (!made) return send_api_error(req, res, made.error(), nullptr);
  send_json(res, 201, class_json(made.value()));
}

void api_classes_list(const Call& call) {
  const httplib::Request& req = call.req;
  httplib::Response& res = call.res;
  WebContext& ctx = call.web;
  auto caller = require(req, res, ctx, engine::Action::manage_class);
  if (!caller) return;
  json list = json::array();
  for (const auto& c : ctx.wiki.classes().list(caller->actor)) list.push_back(class_json(c));
  send_json(res, 200, {{"classes", std::move(list)}});
}

void api_class_get(const Call& call) {
  const httplib::Request& req = call.req;
  httplib::Response& res = call.res;
  WebContext& ctx = call.web;
  const std::string& raw_id = call.param("id");
  auto caller = require(req, res, ctx, engine::Action::manage_class);
  if (!caller) return;
  auto c = class_from_path(ctx, *caller, raw_id);
  if (!c) return send_api_error(req, res, c.error(), nullptr);
  auto members = ctx.wiki.classes().pupils(caller->actor, c->id);
  if (!members) return send_api_error(req, res, members.error(), nullptr);
  json pupils = json::array();
  for (const auto& u : members.value()) {
    json pupil = pupil_json(u);
    pupil["locked_seconds"] = ctx.logins.account_lock(login_account_key(u.name)).count();
    pupils.push_back(std::move(pupil));
  }
  auto window = ctx.wiki.classes().lesson_window(caller->actor, c->id);
  if (!window) return send_api_error(req, res, window.error(), nullptr);
  auto state = ctx.wiki.classes().lesson_state(caller->actor, c->id);
  if (!state) return send_api_error(req, res, state.error(), nullptr);
  send_json(res, 200, {{"class", class_json(c.value())},
                       {"pupils", std::move(pupils)},
                       {"lesson_window", lesson_window_json(window.value(), state.value())}});
}

void api_class_lesson_window(const Call& call) {
  const httplib::Request& req = call.req;
  httplib::Response& res = call.res;
  WebContext& ctx = call.web;
  auto caller = require(req, res, ctx, engine::Action::manage_class);
  if (!caller) return;
  auto id = path_id(call.param("id"));
  if (!id) return send_api_error(req, res, id.error(), nullptr);
  auto body = parse_json_object(req);
  if (!body) return send_api_error(req, res, body.error(), nullptr);
  auto c = class_from_path(ctx, *caller, call.param("id"));
  if (!c) return send_api_error(req, res, c.error(), nullptr);
  auto& classes = ctx.wiki.classes();
  auto current = classes.lesson_window(caller->actor, c->id);
  if (!current) return send_api_error(req, res, current.error(), nullptr);
  auto window = lesson_window_from_json(body.value(), current.value());
  if (!window) return send_api_error(req, res, window.error(), nullptr);
  const bool mode_only = body->size() == 1;
  auto done = mode_only ? classes.set_lesson_mode(caller->actor, c->id, window->mode)
                        : classes.set_lesson_window(caller->actor, c->id, window.value());
  if (!done) return send_api_error(req, res, done.error(), nullptr);
  auto saved = classes.lesson_window(caller->actor, c->id);
  if (!saved) return send_api_error(req, res, saved.error(), nullptr);
  auto state = classes.lesson_state(caller->actor, c->id);
  if (!state) return send_api_error(req, res, state.error(), nullptr);
  send_json(res, 200, {{"lesson_window", lesson_window_json(saved.value(), state.value())}});
}

void api_class_add_pupils(const Call& call) {
  const httplib::Request& req = call.req;
  httplib::Response& res = call.res;
  WebContext& ctx = call.web;
  const std::string& raw_id = call.param("id");
  res.set_header("Cache-Control", "no-store");
  auto caller = require(req, res, ctx, engine::Action::manage_class);
  if (!caller) return;
  auto id = path_id(raw_id);
  if (!id) return send_api_error(req, res, id.error(), nullptr);
  auto body = parse_json_object(req);
  if (!body) return send_api_error(req, res, body.error(), nullptr);
  auto made = add_from_body(ctx, caller->actor, id.value(), body.value());
  if (!made) {
    return send_api_error(req, res, name_refusal(made.error(), interface_language(req, nullptr)),
                          nullptr);
  }
  json pupils = json::array();
  for (const auto& c : made.value()) pupils.push_back(credentials_json(c));
  send_json(res, 201, {{"pupils", std::move(pupils)}});
}

void api_class_archive(const Call& call) {
  const httplib::Request& req = call.req;
  httplib::Response& res = call.res;
  WebContext& ctx = call.web;
  const std::string& raw_id = call.param("id");
  auto caller = require(req, res, ctx, engine::Action::manage_class);
  if (!caller) return;
  auto id = path_id(raw_id);
  if (!id) return send_api_error(req, res, id.error(), nullptr);
  auto body = parse_json_object(req);
  if (!body) return send_api_error(req, res, body.error(), nullptr);
  auto archived = bool_field(body.value(), "archived");
  if (!archived) return send_api_error(req, res, archived.error(), nullptr);
  auto done = ctx.wiki.classes().set_archived(caller->actor, id.value(), archived.value());
  if (!done) return send_api_error(req, res, done.error(), nullptr);
  auto changed = ctx.wiki.classes().get(caller->actor, id.value());
  if (!changed) return send_api_error(req, res, changed.error(), nullptr);
  send_json(res, 200, class_json(changed.value()));
}

namespace {

// {category: "Animaux"} or {titles: ["Lion", "Zèbre"]}, as the class page's form types them.
engine::Result<offline::PackRequest> pack_request(const nlohmann::json& body) {
  auto category = optional_string_field(body, "category", "");
  if (!category) return category.error();
  offline::PackRequest request{category.value(), ""};
  const auto titles = body.find("titles");
  if (titles == body.end()) return request;
  if (!titles->is_array()) {
    return engine::make_error(engine::ErrorCode::invalid_input, "api-error-expected-string",
                              {{"field", "titles"}});
  }
  for (const auto& title : *titles) {
    if (!title.is_string()) {
      return engine::make_error(engine::ErrorCode::invalid_input, "api-error-expected-string",
                                {{"field", "titles"}});
    }
    request.titles += title.get<std::string>() + "\n";
  }
  return request;
}

}  // namespace

void api_class_pack(const Call& call) {
  const httplib::Request& req = call.req;
  httplib::Response& res = call.res;
  auto caller = require(req, res, call.web, engine::Action::manage_class);
  if (!caller) return;
  auto id = path_id(call.param("id"));
  if (!id) return send_api_error(req, res, id.error(), nullptr);
  auto body = parse_json_object(req);
  if (!body) return send_api_error(req, res, body.error(), nullptr);
  auto request = pack_request(body.value());
  if (!request) return send_api_error(req, res, request.error(), nullptr);
  auto format_name = optional_string_field(body.value(), "format", "zim");
  if (!format_name) return send_api_error(req, res, format_name.error(), nullptr);
  const auto format = pack_format_named(format_name.value());
  if (!format) {
    return send_api_error(
        req, res, engine::make_error(engine::ErrorCode::invalid_input, "offline-pack-error-format"),
        nullptr);
  }
  auto done = answer_class_pack(res, call.web.wiki, caller->actor, id.value(), request.value(),
                                *format);
  if (!done) return send_api_error(req, res, done.error(), nullptr);
}

void api_pupil_password(const Call& call) {
  const httplib::Request& req = call.req;
  httplib::Response& res = call.res;
  WebContext& ctx = call.web;
  const std::string& raw_id = call.param("id");
  res.set_header("Cache-Control", "no-store");
  auto caller = require(req, res, ctx, engine::Action::manage_class);
  if (!caller) return;
  auto id = path_id(raw_id);
  if (!id) return send_api_error(req, res, id.error(), nullptr);
  auto reset = ctx.wiki.classes().reset_password(caller->actor, id.value());
  if (!reset) return send_api_error(req, res, reset.error(), nullptr);
  send_json(res, 200, credentials_json(reset.value()));
}

void api_pupil_unlock(const Call& call) {
  const httplib::Request& req = call.req;
  httplib::Response& res = call.res;
  WebContext& ctx = call.web;
  res.set_header("Cache-Control", "no-store");
  auto caller = require(req, res, ctx, engine::Action::manage_class);
  if (!caller) return;
  auto id = path_id(call.param("id"));
  if (!id) return send_api_error(req, res, id.error(), nullptr);
  auto pupil = ctx.wiki.classes().unlock_login(caller->actor, id.value());
  if (!pupil) return send_api_error(req, res, pupil.error(), nullptr);
  ctx.logins.unlock(login_account_key(pupil->name));
  send_json(res, 200, {{"pupil", pupil_json(pupil.value())}});
}

void api_pupil_trusted(const Call& call) {
  const httplib::Request& req = call.req;
  httplib::Response& res = call.res;
  WebContext& ctx = call.web;
  const std::string& raw_id = call.param("id");
  set_pupil_flag(req, res, ctx, raw_id, "trusted", &engine::Classes::set_trusted);
}

void api_pupil_disabled(const Call& call) {
  const httplib::Request& req = call.req;
  httplib::Response& res = call.res;
  WebContext& ctx = call.web;
  const std::string& raw_id = call.param("id");
  set_pupil_flag(req, res, ctx, raw_id, "disabled", &engine::Classes::set_disabled);
}

}  // namespace kidwiki::web

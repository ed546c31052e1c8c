#include "api/api_files.h"

#include "actions/edit_access.h"
#include "actions/upload_request.h"
#include "api/api_json.h"
#include "api/api_response.h"

namespace kidwiki::web {
namespace {

// {name} is the file's name with or without its namespace: "Chat.jpg" or "Fichier:Chat.jpg".
engine::Result<engine::Title> file_title(const Call& call) {
  std::string raw = call.param("name");
  auto title = call.web.wiki.parse_title(call.ed(), raw);
  if (title && title->ns != engine::Namespace::file) {
    title = call.web.wiki.parse_title(call.ed(), call.ed().names.file + ":" + raw);
  }
  return title;
}

}  // namespace

void api_file_get(const Call& call) {
  auto title = file_title(call);
  if (!title) return send_api_error(call.req, call.res, title.error(), call.edition);
  const Caller caller = caller_of(call.req, call.web);
  auto view = call.web.wiki.read(caller.actor, call.ed(), title.value(), /*follow_redirect=*/true);
  if (!view) return send_api_error(call.req, call.res, view.error(), call.edition);
  if (!view->file) {
    return send_api_error(call.req, call.res,
                          engine::make_error(engine::ErrorCode::not_found, "error-picture-not-found"),
                          call.edition);
  }
  nlohmann::json answer = page_view_json(view.value(), call.ed());
  answer["name"] = view->title.text;
  send_json(call.res, 200, answer);
}

void api_file_post(const Call& call) {
  auto title = file_title(call);
  if (!title) return send_api_error(call.req, call.res, title.error(), call.edition);
  auto upload = upload_request_of(call.req);
  if (!upload) return send_api_error(call.req, call.res, upload.error(), call.edition);
  const Caller caller = caller_of(call.req, call.web);
  auto allowed = authorize_edit(call.req, call.web, caller, call.ed(), title.value());
  if (!allowed) return send_api_error(call.req, call.res, allowed.error(), call.edition);
  auto outcome = call.web.wiki.upload(caller.actor, call.ed(), title.value(), upload.value());
  if (!outcome) return send_api_error(call.req, call.res, outcome.error(), call.edition);
  auto saved = call.web.wiki.read_revision(caller.actor, call.ed(), outcome->revision_id);
  nlohmann::json answer = save_outcome_json(outcome.value());
  answer["name"] = title->text;
  if (saved && saved->file) {
    answer["width"] = saved->file->width;
    answer["height"] = saved->file->height;
    answer["file"] = file_json(*saved->file);
  }
  send_json(call.res, outcome->status == engine::SaveStatus::created ? 201 : 200, answer);
}

}  // namespace kidwiki::web
